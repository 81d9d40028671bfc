package dev.scimsync.verify;

import dev.scimsync.plan.DesiredUserRepository;
import dev.scimsync.plan.OpKind;
import dev.scimsync.plan.OpState;
import dev.scimsync.snapshot.RemoteOrg;
import dev.scimsync.snapshot.SnapshotRepository;
import dev.scimsync.state.StateSchema;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads what the target holds that the inputs do not describe, from a run's snapshot and plan. Users now; teams,
 * memberships and roles add a query each.
 */
@Repository
public class DriftRepository {

    /** Operations an input row asked for that were held back; the caller keeps those on protected users. */
    private static final String HELD_BACK_USERS = """
            SELECT o.target_id, o.object_key AS email_key, o.kind, o.state, o.error_type, o.detail
            FROM planned_op o
            WHERE o.run_id = ? AND o.state = 'BLOCKED' AND o.line_no IS NOT NULL
              AND o.kind IN ('DEACTIVATE_USER', 'UPDATE_USER')
            ORDER BY o.object_key, o.seq""";

    /** What was planned for a user of the target no row names. */
    private record Planned(OpKind kind, OpState state, String errorType, String detail) {
    }

    private final JdbcTemplate jdbc;
    private final SnapshotRepository remoteOrgs;
    private final DesiredUserRepository desiredUsers;

    public DriftRepository(JdbcTemplate jdbc, StateSchema schema, SnapshotRepository remoteOrgs, DesiredUserRepository desiredUsers) {
        this.jdbc = jdbc;
        this.remoteOrgs = remoteOrgs;
        this.desiredUsers = desiredUsers;
    }

    /**
     * Streams the user drift of the run whose snapshot and plan are kept under {@code opsRunId}: unmanaged users,
     * then users an input row asks to deactivate or demote although they are protected.
     *
     * @param protectedUsers lower-case emails of {@code policy.protected-users}
     */
    public void forEachUser(String opsRunId, Collection<String> protectedUsers, Consumer<DriftRow> action) {
        RemoteOrg org = remoteOrgs.load(opsRunId, SnapshotRepository.SNAPSHOT);
        // active users no input row names, not even an invalid one (as the planner finds absent users), with what
        // the plan did about them
        Map<String, Planned> deactivations = new HashMap<>();
        jdbc.query("SELECT target_id, kind, state, error_type, detail FROM planned_op WHERE run_id = ?"
                + " AND line_no IS NULL AND kind = 'DEACTIVATE_USER'", rs -> {
            deactivations.putIfAbsent(rs.getString(1), new Planned(OpKind.valueOf(rs.getString(2)),
                    OpState.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5)));
        }, opsRunId);
        for (RemoteOrg.User user : desiredUsers.absent(opsRunId, org)) {
            action.accept(user(user, user.emailKey(), DriftRow.UNMANAGED, deactivations.get(user.id())));
        }
        jdbc.query(HELD_BACK_USERS, rs -> {
            String emailKey = rs.getString("email_key");
            if (protectedUsers.contains(emailKey.toLowerCase(Locale.ROOT))) {
                RemoteOrg.User user = org.userById(rs.getString("target_id"));
                Planned planned = new Planned(OpKind.valueOf(rs.getString("kind")),
                        OpState.valueOf(rs.getString("state")), rs.getString("error_type"), rs.getString("detail"));
                action.accept(user(user, emailKey, DriftRow.PROTECTED, planned));
            }
        }, opsRunId);
    }

    private static DriftRow user(RemoteOrg.User user, String emailKey, String finding, Planned planned) {
        String key = emailKey != null ? emailKey : user == null ? null : user.userName();
        return new DriftRow("user", key, user == null ? null : user.id(), finding,
                describe(user == null ? null : user.orgRole(), user == null ? null : user.displayName()),
                planned == null ? null : planned.kind(), planned == null ? null : planned.state(),
                planned == null ? null : planned.errorType(), planned == null ? null : planned.detail());
    }

    private static String describe(String orgRole, String displayName) {
        StringBuilder s = new StringBuilder("active");
        if (orgRole != null) {
            s.append("; org_role=").append(orgRole);
        }
        if (displayName != null) {
            s.append("; display_name=").append(displayName);
        }
        return s.toString();
    }
}
