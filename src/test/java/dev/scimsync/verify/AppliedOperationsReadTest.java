package dev.scimsync.verify;

import dev.scimsync.state.QueryPlans;
import dev.scimsync.state.StateDatabase;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verify reads a run's applied user operations once, in primary-key order: on H2 an index-sorted plan that reads no
 * more than the run's operations, with other runs on either side, instead of sorting every applied one first.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AppliedOperationsReadTest {

    private static final int OPS = 3_000;

    @Test
    void readsTheRunsOperationsOnceInSequenceOrder() {
        StateDatabase db = new StateDatabase();
        // a third of each run is an applied, unverified user create; the rest are other kinds and states
        Map<String, String> values = Map.of("seq", "X * 7", "verified", "NULL",
                "kind", "CASEWHEN(MOD(X, 3) = 0, 'CREATE_USER', 'ADD_MEMBER')",
                "state", "CASEWHEN(MOD(X, 2) = 0, 'DONE', 'FAILED')");
        for (String run : new String[] {"a-run", "r1", "z-run"}) {
            QueryPlans.fill(db.jdbc, "planned_op", run, OPS, values);
        }

        QueryPlans.Plan plan = QueryPlans.explain(db.jdbc, UserVerifier.APPLIED, "r1");

        assertThat(plan.indexSorted()).as(plan.text()).isTrue();
        assertThat(plan.scanned()).as(plan.text()).isLessThanOrEqualTo(OPS + 1);
        assertThat(db.jdbc.queryForList(UserVerifier.APPLIED, "r1")).hasSize(OPS / 6)
                .extracting(row -> (Long) row.get("seq")).isSorted();
    }
}
