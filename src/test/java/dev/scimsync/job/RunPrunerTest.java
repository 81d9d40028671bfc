package dev.scimsync.job;

import dev.scimsync.state.RunRecord;
import dev.scimsync.state.RunRowDeleter;
import dev.scimsync.state.RunRepository;
import dev.scimsync.state.StateDatabase;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which runs prune picks (the removal itself, with its locks and job instances, is in PruneCommandTest). */
class RunPrunerTest {

    private final StateDatabase db = new StateDatabase();
    private final RunRepository runs = new RunRepository(db.jdbc, db.schema);
    private final RunPruner pruner = new RunPruner(runs, new RunRowDeleter(db.jdbc, db.transactions, db.schema), null, null);

    @Test
    void keepsTheNewestRunsOfEachJobAndThePlansTheyApplyHoweverOld() {
        run("a1", "nightly", "plan", null, 1);
        run("b1", "weekly", "sync", null, 2);
        run("a2", "nightly", "sync", null, 3);
        run("a3", "nightly", "sync", null, 4);
        run("b2", "weekly", "sync", null, 5);
        run("a4", "nightly", "apply", "a1", 6);
        run("b3", "weekly", "sync", null, 7);

        List<RunPruner.JobRuns> jobs = pruner.select(2);

        assertThat(jobs).extracting(RunPruner.JobRuns::jobName).containsExactly("weekly", "nightly");
        assertThat(ids(jobs.get(0).kept())).containsExactly("b3", "b2");
        assertThat(ids(jobs.get(0).pruned())).containsExactly("b1");
        assertThat(ids(jobs.get(1).kept())).containsExactly("a4", "a3", "a1");
        assertThat(ids(jobs.get(1).pruned())).containsExactly("a2");
        assertThat(runs.all()).hasSize(7);
    }

    @Test
    void aPlanAppliedOnlyByARunThatGoesIsPrunedToo() {
        run("a1", "nightly", "plan", null, 1);
        run("a2", "nightly", "apply", "a1", 2);
        run("a3", "nightly", "sync", null, 3);

        List<RunPruner.JobRuns> jobs = pruner.select(1);

        assertThat(ids(jobs.get(0).kept())).containsExactly("a3");
        assertThat(ids(jobs.get(0).pruned())).containsExactly("a2", "a1");
    }

    @Test
    void keepMustBeAtLeastOne() {
        assertThatThrownBy(() -> pruner.select(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
    }

    private void run(String id, String job, String command, String planRunId, int minute) {
        runs.insert(new RunRecord(id, job, command, planRunId, "{}", "/tmp/out",
                Instant.parse("2026-11-29T00:00:00Z").plusSeconds(60L * minute), null, null, null, false));
    }

    private static List<String> ids(List<RunRecord> records) {
        return records.stream().map(RunRecord::runId).toList();
    }
}
