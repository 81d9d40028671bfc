package dev.scimsync.plan;

import dev.scimsync.plan.OpKind;
import dev.scimsync.plan.OpState;
import dev.scimsync.plan.PlannedOp;
import dev.scimsync.snapshot.SnapshotRepository;
import dev.scimsync.validate.RowErrorRecord;
import dev.scimsync.state.StateDatabase;
import dev.scimsync.plan.UserPayload;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static dev.scimsync.state.StateDatabase.remoteUser;
import static dev.scimsync.state.StateDatabase.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class UserPlannerTest {

    private static final String RUN = "r1";

    private final StateDatabase db = new StateDatabase();
    private final UserPlanner planner = new UserPlanner(db.jdbc, db.desiredUsers(), db.ownership());

    private List<PlannedOp> plan(boolean deactivateAbsent, Set<String> protectedUsers) {
        OpBatch ops = new OpBatch(RUN, "job", db.plannedOps());
        planner.plan(ops, db.remoteOrgs().load(RUN, SnapshotRepository.SNAPSHOT), deactivateAbsent, protectedUsers, true);
        ops.flush();
        return db.plannedOps().all(RUN);
    }

    @Test
    void newActiveUserIsCreatedWithItsRoleAndAnInactiveOneIsLeftAlone() {
        db.desired(RUN, user(2, "New@Example.com", "admin", "New Person", true),
                user(3, "gone@example.com", null, null, false));

        List<PlannedOp> ops = plan(false, Set.of());

        assertThat(ops).singleElement().satisfies(op -> {
            assertThat(op.kind()).isEqualTo(OpKind.CREATE_USER);
            assertThat(op.objectKey()).isEqualTo("new@example.com");
            assertThat(op.lineNo()).isEqualTo(2);
            UserPayload payload = UserPayload.fromJson(op.payload());
            assertThat(payload.email()).isEqualTo("New@Example.com");
            assertThat(payload.userName()).isEqualTo("new");
            assertThat(payload.orgRole()).isEqualTo("admin");
        });
    }

    @Test
    void usersMatchByEmailIgnoringCaseAndOnlyDifferencesArePlanned() {
        db.remote(RUN, remoteUser("u1", "alice", "ALICE@example.com", "Alice", "member", true),
                remoteUser("u2", "bob", "bob@example.com", "Bob", "member", true),
                remoteUser("u3", "carol", "carol@example.com", "Carol", "member", false),
                remoteUser("u4", "dave", "dave@example.com", "Dave", "admin", true));
        db.desired(RUN, user(2, "alice@example.com", "member", "Alice", true),
                user(3, "bob@example.com", "viewer", "Bob B", true),
                user(4, "carol@example.com", null, null, true),
                user(5, "dave@example.com", null, null, false));

        List<PlannedOp> ops = plan(false, Set.of());

        assertThat(ops).extracting(PlannedOp::kind, PlannedOp::targetId, PlannedOp::state).containsExactly(
                tuple(OpKind.REACTIVATE_USER, "u3", OpState.PENDING),
                tuple(OpKind.UPDATE_USER, "u2", OpState.PENDING),
                tuple(OpKind.DEACTIVATE_USER, "u4", OpState.BLOCKED));
        UserPayload bob = UserPayload.fromJson(ops.get(1).payload());
        assertThat(bob.newOrgRole()).isEqualTo("viewer");
        assertThat(bob.newDisplayName()).isEqualTo("Bob B");
        assertThat(ops.get(1).before()).isEqualTo("active; org_role=member; display_name=Bob");
        assertThat(ops.get(1).after()).isEqualTo("active; org_role=viewer; display_name=Bob B");
        assertThat(ops.get(2).detail()).contains("without an active admin");
    }

    @Test
    void matchesByUserNameWhenNoEmailMatches() {
        db.remote(RUN, remoteUser("u1", "alice", "old@example.com", "Alice", "member", true));
        db.desired(RUN, new dev.scimsync.validate.DesiredUser(2, "alice@new.example.com", "alice@new.example.com",
                "Alice", null, "viewer", true));

        assertThat(plan(false, Set.of())).extracting(PlannedOp::kind, PlannedOp::targetId)
                .containsExactly(tuple(OpKind.UPDATE_USER, "u1"));
    }

    @Test
    void absentUsersAreDeactivatedOnlyUnderThePolicyAndNeverWhenProtectedUnownedOrNamedByAnInvalidRow() {
        db.remote(RUN, remoteUser("u1", "admin", "admin@example.com", null, "admin", true),
                remoteUser("u2", "left", "left@example.com", null, "member", true),
                remoteUser("u3", "typo", "typo@example.com", null, "member", true),
                remoteUser("u4", "ops", "ops@example.com", null, "member", true),
                remoteUser("u5", "old", "old@example.com", null, "member", false),
                remoteUser("u6", "byhand", "byhand@example.com", null, "member", true));
        // an earlier run of the job named these; byhand@ was added on the target by hand and never listed
        db.desired("earlier", user(2, "left@example.com", null, null, true), user(3, "typo@example.com", null, null,
                true), user(4, "ops@example.com", null, null, true), user(5, "old@example.com", null, null, true));
        db.ownership().recordInputs("earlier", "job");
        db.desired(RUN, user(2, "admin@example.com", "admin", null, true));
        db.rowErrors().insert(RUN, List.of(new RowErrorRecord("users", 3, 1, "org_role", "unknown org role",
                "typo@example.com", "[]")));

        assertThat(plan(false, Set.of())).isEmpty();
        assertThat(plan(true, Set.of("ops@example.com")))
                .extracting(PlannedOp::kind, PlannedOp::targetId, PlannedOp::lineNo)
                .containsExactly(tuple(OpKind.DEACTIVATE_USER, "u2", null));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "DELETE removes users: {0}")
    @org.junit.jupiter.params.provider.ValueSource(booleans = {true, false})
    void usersWhoMustLeaveAreRemovedOrDeactivatedAndNamedForAPerson(boolean deleteRemoves) {
        db.remote(RUN, remoteUser("u1", "admin", "admin@example.com", null, "admin", true),
                remoteUser("u2", "leaver", "leaver@example.com", null, "member", true),
                remoteUser("u3", "old", "old@example.com", null, "member", false),
                remoteUser("u4", "absent", "absent@example.com", null, "member", true),
                remoteUser("u5", "byhand", "byhand@example.com", null, "member", true),
                remoteUser("u6", "vip", "vip@example.com", null, "member", true));
        db.desired("earlier", user(2, "leaver@example.com", null, null, true), user(3, "old@example.com", null, null,
                true), user(4, "absent@example.com", null, null, true), user(5, "vip@example.com", null, null, true));
        db.ownership().recordInputs("earlier", "job");
        db.desired(RUN, user(2, "admin@example.com", "admin", null, true), removed(3, "leaver@example.com"),
                removed(4, "old@example.com"), removed(5, "vip@example.com"), removed(6, "ghost@example.com"));
        OpBatch batch = new OpBatch(RUN, "job", db.plannedOps());

        planner.plan(batch, db.remoteOrgs().load(RUN, SnapshotRepository.SNAPSHOT), false,
                Set.of("vip@example.com"), true, true, new Policy.Removals(true, deleteRemoves));
        batch.flush();

        List<PlannedOp> ops = db.plannedOps().all(RUN);
        if (deleteRemoves) {
            assertThat(ops).extracting(PlannedOp::kind, PlannedOp::targetId, PlannedOp::lineNo, PlannedOp::state)
                    .containsExactly(tuple(OpKind.REMOVE_USER, "u2", 3L, OpState.PENDING),
                            tuple(OpKind.REMOVE_USER, "u3", 4L, OpState.PENDING),
                            tuple(OpKind.REMOVE_USER, "u6", 5L, OpState.BLOCKED),
                            tuple(OpKind.REMOVE_USER, "u4", null, OpState.PENDING));
        } else {
            assertThat(ops).extracting(PlannedOp::kind, PlannedOp::targetId, PlannedOp::lineNo, PlannedOp::state)
                    .containsExactly(tuple(OpKind.DEACTIVATE_USER, "u2", 3L, OpState.PENDING),
                            tuple(OpKind.DEACTIVATE_USER, "u6", 5L, OpState.BLOCKED),
                            tuple(OpKind.DEACTIVATE_USER, "u4", null, OpState.PENDING),
                            tuple(OpKind.REMOVE_IN_ADMIN_UI, "u2", 3L, OpState.BLOCKED),
                            tuple(OpKind.REMOVE_IN_ADMIN_UI, "u3", 4L, OpState.BLOCKED),
                            tuple(OpKind.REMOVE_IN_ADMIN_UI, "u4", null, OpState.BLOCKED));
            assertThat(ops).filteredOn(op -> op.kind() == OpKind.REMOVE_IN_ADMIN_UI)
                    .allSatisfy(op -> assertThat(op.detail()).isEqualTo(UserPlanner.REMOVE_BY_HAND));
        }
        assertThat(ops).filteredOn(op -> op.objectKey().equals("vip@example.com")).singleElement()
                .satisfies(op -> assertThat(op.detail()).startsWith("protected user"));
    }

    private static dev.scimsync.validate.DesiredUser removed(long line, String email) {
        return new dev.scimsync.validate.DesiredUser(line, email, email, null, null, null, false, true);
    }

    @Test
    void protectedUsersAreNeverDeactivatedOrDemoted() {
        db.remote(RUN, remoteUser("u1", "a", "a@example.com", null, "admin", true),
                remoteUser("u2", "ops", "ops@example.com", null, "admin", true),
                remoteUser("u3", "svc", "svc@example.com", null, "member", true));
        db.desired(RUN, user(2, "a@example.com", "admin", null, true),
                user(3, "ops@example.com", "member", null, true),
                user(4, "svc@example.com", null, null, false));

        List<PlannedOp> ops = plan(false, Set.of("ops@example.com", "svc@example.com"));

        assertThat(ops).extracting(PlannedOp::objectKey, PlannedOp::state).containsExactly(
                tuple("ops@example.com", OpState.BLOCKED), tuple("svc@example.com", OpState.BLOCKED));
        assertThat(ops).allSatisfy(op -> assertThat(op.detail()).contains("protected user"));
    }

    @Test
    void demotingOneOfTwoAdminsIsAllowed() {
        db.remote(RUN, remoteUser("u1", "a", "a@example.com", null, "admin", true),
                remoteUser("u2", "b", "b@example.com", null, "admin", true));
        db.desired(RUN, user(2, "a@example.com", "member", null, true), user(3, "b@example.com", null, null, true));

        assertThat(plan(false, Set.of())).extracting(PlannedOp::state).containsExactly(OpState.PENDING);
    }
}
