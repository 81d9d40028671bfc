package dev.scimsync.job;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.test.JobRepositoryTestUtils;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Path;

/**
 * What every {@link JobTest} class uses: the runner, the test's API keys, a folder of its own, and the job repository
 * emptied when each test ends (after the subclass's own {@code @AfterEach}), so the next test's runs start clean.
 */
@JobTest
abstract class JobTestSupport {

    @Autowired
    SyncRunner runner;
    @Autowired
    JobRepositoryTestUtils jobRepositoryTestUtils;
    @Autowired
    TestSecrets secrets;

    @TempDir
    Path dir;

    @AfterEach
    void removeJobExecutions() {
        jobRepositoryTestUtils.removeJobExecutions();
    }
}
