package dev.scimsync.plan;

import dev.scimsync.state.QueryPlans;
import dev.scimsync.state.StateDatabase;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plan stage's reads of a whole run (the planners' desired rows, the operations for the reports) read it in
 * primary-key order, once: on H2 the plan is index-sorted (no sort of the run before the first row comes) and reads
 * no more than the run's rows, with other runs on either side of it. A plan-shape check, not a timing.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RunReadsTest {

    private static final int ROWS = 3_000;
    private static final StateDatabase db = new StateDatabase();

    @BeforeAll
    static void aRunBetweenTwoOthers() {
        Map<String, String> values = Map.of("state", "CASEWHEN(MOD(X, 3) = 0, 'BLOCKED', 'DONE')",
                "kind", "'CREATE_USER'", "seq", "X * 7");
        for (String table : new String[] {"planned_op", "desired_user", "desired_team", "desired_member",
                "desired_role"}) {
            for (String run : new String[] {"a-run", "r1", "z-run"}) {
                QueryPlans.fill(db.jdbc, table, run, ROWS, values);
            }
        }
    }

    static Stream<Arguments> reads() {
        return Stream.of(
                Arguments.of("operations in order", PlannedOpRepository.IN_ORDER),
                Arguments.of("held-back operations in order", PlannedOpRepository.BLOCKED_IN_ORDER),
                Arguments.of("desired users", UserPlanner.DESIRED),
                Arguments.of("desired teams", TeamPlanner.TEAMS),
                Arguments.of("desired members (teams)", TeamPlanner.MEMBERS),
                Arguments.of("desired members (rules)", MembershipRules.MEMBERS),
                Arguments.of("desired roles", RolePlanner.DESIRED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reads")
    void readsTheRunOnceInKeyOrder(String read, String sql) {
        QueryPlans.Plan plan = QueryPlans.explain(db.jdbc, sql, "r1");

        assertThat(plan.indexSorted()).as(plan.text()).isTrue();
        assertThat(plan.scanned()).as(plan.text()).isLessThanOrEqualTo(ROWS + 1);
    }
}
