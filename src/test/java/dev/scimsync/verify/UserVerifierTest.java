package dev.scimsync.verify;

import dev.scimsync.plan.OpKind;
import dev.scimsync.plan.OpOutcome;
import dev.scimsync.plan.PlannedOp;
import dev.scimsync.snapshot.RemoteOrg;
import dev.scimsync.state.StateDatabase;
import dev.scimsync.plan.UserPayload;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class UserVerifierTest {

    private final StateDatabase db = new StateDatabase();
    private final UserVerifier verifier = new UserVerifier(db.jdbc, db.plannedOps());

    @Test
    void anAppliedOperationTheTargetDoesNotShowIsAMismatchAndTheRestAreOk() {
        db.plannedOps().insert(List.of(
                op(1, OpKind.CREATE_USER, "a@example.com", null, new UserPayload("a@example.com", "a", null, "admin",
                        null, null)),
                op(2, OpKind.UPDATE_USER, "b@example.com", "u2", new UserPayload("b@example.com", "b", null, null,
                        "viewer", "Bea")),
                op(3, OpKind.DEACTIVATE_USER, "c@example.com", "u3", new UserPayload("c@example.com", "c", null, null,
                        null, null)),
                op(4, OpKind.CREATE_USER, "d@example.com", null, new UserPayload("d@example.com", "d", null, null,
                        null, null))));
        db.plannedOps().record("r", List.of(OpOutcome.done(1, "u1", 201, null, 1), OpOutcome.done(2, "u2", 200, null,
                1), OpOutcome.done(3, "u3", 204, null, 1), OpOutcome.done(4, "u4", 201, null, 1)));
        RemoteOrg listed = StateDatabase.org(
                StateDatabase.remoteUser("u1", "a", "a@example.com", null, "admin", true),
                StateDatabase.remoteUser("u2", "b", "b@example.com", "Bea", "member", true),
                StateDatabase.remoteUser("u3", "c", "c@example.com", null, "member", false));

        long mismatches = verifier.verify(listed, "r");

        assertThat(mismatches).isEqualTo(2);
        assertThat(db.jdbc.queryForList("SELECT CONCAT(seq, ' ', verified, ' ', COALESCE(detail, '')) FROM planned_op"
                + " ORDER BY seq", String.class)).containsExactly("1 ok ",
                "2 mismatch verify: org_role is 'member', expected 'viewer'", "3 ok ",
                "4 mismatch verify: not found on the target");
    }

    private static PlannedOp op(long seq, OpKind kind, String key, String targetId, UserPayload payload) {
        return PlannedOp.pending("r", seq, kind, key, "users", seq + 1, targetId, "", "", payload.toJson());
    }
}
