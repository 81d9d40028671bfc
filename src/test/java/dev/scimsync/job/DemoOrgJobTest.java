package dev.scimsync.job;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.nio.file.Path;

/**
 * What the job tests that sync into the emulator's demo organisation share: the runner, a fresh organisation and
 * folder per test with its key set for the run, and the job repository emptied after it.
 */
abstract class DemoOrgJobTest extends JobTestSupport {

    EmulatedOrg org;

    /** The organisation each test starts from: the demo organisation behind the W&B dialect, unless overridden. */
    EmulatedOrg newOrg(Path dir) {
        return EmulatedOrg.demo(dir);
    }

    @BeforeEach
    void startDemoOrg() {
        org = newOrg(dir);
        secrets.key(org.key());
    }

    @AfterEach
    void stopDemoOrg() {
        org.close();
    }
}
