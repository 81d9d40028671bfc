package dev.scimsync.snapshot;

import dev.scimsync.state.QueryPlans;
import dev.scimsync.state.StateDatabase;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A listing's parts are read in primary-key order: on H2 an index-sorted plan that reads only that run's parts of that
 * pass, instead of sorting the parts (each up to half a million characters) before the first is handed over.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SnapshotPartsReadTest {

    private static final int PARTS = 500;

    @Test
    void readsOnePassOfOneRunInPartOrder() {
        StateDatabase db = new StateDatabase();
        for (String run : new String[] {"a-run", "r1", "z-run"}) {
            for (String pass : new String[] {SnapshotRepository.SNAPSHOT, "verify"}) {
                QueryPlans.fill(db.jdbc, "remote_snapshot", run, PARTS, Map.of("pass", "'" + pass + "'",
                        "part", "X - 1"));
            }
        }

        QueryPlans.Plan plan = QueryPlans.explain(db.jdbc, SnapshotRepository.PARTS, "r1",
                SnapshotRepository.SNAPSHOT);

        assertThat(plan.indexSorted()).as(plan.text()).isTrue();
        assertThat(plan.scanned()).as(plan.text()).isLessThanOrEqualTo(PARTS + 1);
    }
}
