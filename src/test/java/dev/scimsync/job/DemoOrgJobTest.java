package dev.scimsync.job;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.test.JobRepositoryTestUtils;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.file.Path;

/**
 * What the job tests that sync into the emulator's demo organisation share: the runner, a fresh organisation and
 * folder per test, and the job repository emptied after it. Subclasses carry their own {@code @SpringBootTest}, each
 * with its own in-memory state database.
 */
abstract class DemoOrgJobTest {

    @Autowired
    SyncRunner runner;
    @Autowired
    JobRepositoryTestUtils jobRepositoryTestUtils;

    @TempDir
    Path dir;

    EmulatedOrg org;

    /** The organisation each test starts from: the demo organisation behind the W&B dialect, unless overridden. */
    EmulatedOrg newOrg(Path dir) {
        return EmulatedOrg.demo(dir);
    }

    @BeforeEach
    void startDemoOrg() {
        org = newOrg(dir);
        SyncRunnerTest.ENV.put(EmulatedOrg.KEY_VARIABLE, "key-1");
    }

    @AfterEach
    void stopDemoOrg() {
        org.close();
        jobRepositoryTestUtils.removeJobExecutions();
    }
}
