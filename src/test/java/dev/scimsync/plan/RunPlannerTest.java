package dev.scimsync.plan;

import dev.scimsync.snapshot.RemoteServiceAccountRepository;
import dev.scimsync.validate.DesiredSetRepository;
import dev.scimsync.validate.RowRules;

import dev.scimsync.config.RemovalLimit;
import dev.scimsync.plan.OpKind;
import dev.scimsync.plan.PlannedOp;
import dev.scimsync.state.StateDatabase;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static dev.scimsync.state.StateDatabase.user;
import static org.assertj.core.api.Assertions.assertThat;

class RunPlannerTest {

    private static final String RUN = "r1";
    private static final Policy POLICY = new Policy(false, false, false, Set.of(), true,
            RemovalLimit.percent(10), null);

    private final StateDatabase db = new StateDatabase();
    private final RunPlanner planner = new RunPlanner(db.jdbc, db.plannedOps(), new RolePlanner(db.jdbc),
            new UserPlanner(db.jdbc, db.desiredUsers(), db.ownership()), new TeamPlanner(db.jdbc, db.ownership()),
            db.remoteOrgs(), new ServiceAccountPlanner(db.jdbc, new DesiredSetRepository(db.jdbc, db.schema),
            new RemoteServiceAccountRepository(db.jdbc, db.schema), new RowRules(db.jdbc, db.schema)));

    @Test
    void planningAgainReplacesTheEarlierPlan() {
        db.desired(RUN, user(2, "n@example.com", null, null, true));
        planner.plan(RUN, "job", POLICY);

        RunPlanner.Plan again = planner.plan(RUN, "job", POLICY);

        assertThat(again.operations()).isEqualTo(1);
        assertThat(db.plannedOps().all(RUN)).singleElement().extracting(PlannedOp::kind)
                .isEqualTo(OpKind.CREATE_USER);
    }
}
