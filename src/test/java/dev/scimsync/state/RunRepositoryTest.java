package dev.scimsync.state;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RunRepositoryTest {

    private static final int ABORTED = 4;
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final StateDatabase db = new StateDatabase();
    private final RunRepository runs = new RunRepository(db.jdbc, db.schema);

    @ParameterizedTest(name = "ended with exit {0}")
    @ValueSource(ints = {0, 1, 2, 3, 5})
    void theNewestUnfinishedRunIsFoundBehindAnyNumberOfRunsThatEnded(int exitCode) {
        insert("interrupted", 0, null);
        insert("aborted", 1, ABORTED);
        for (int i = 0; i < 120; i++) {
            insert("ended-" + i, 10 + i, exitCode);
        }

        assertThat(runs.lastUnfinished(ABORTED)).map(RunRecord::runId).contains("aborted");
        db.jdbc.update("UPDATE sync_run SET exit_code = 0 WHERE run_id = 'aborted'");
        assertThat(runs.lastUnfinished(ABORTED)).map(RunRecord::runId).contains("interrupted");
        db.jdbc.update("UPDATE sync_run SET exit_code = ? WHERE run_id = 'interrupted'", exitCode);
        assertThat(runs.lastUnfinished(ABORTED)).isEmpty();
    }

    @Test
    void anEmptyDatabaseHasNoRunToResume() {
        assertThat(runs.lastUnfinished(ABORTED)).isEmpty();
    }

    private void insert(String runId, int minute, Integer exitCode) {
        Instant started = T0.plusSeconds(60L * minute);
        runs.insert(new RunRecord(runId, "nightly", "sync", null, "{}", "/tmp/out/" + runId, started, null, null,
                null, false));
        if (exitCode != null) {
            runs.finish(runId, exitCode, started.plusSeconds(30), null);
        }
    }
}
