package dev.scimsync.plan;

import dev.scimsync.state.DesiredUsers;
import dev.scimsync.state.OpKind;
import dev.scimsync.state.Ownership;
import dev.scimsync.state.PlannedOps;
import dev.scimsync.state.RemoteUsers;
import dev.scimsync.state.UserPayload;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Works out the user operations of a run from {@code desired_user} and the snapshot in {@code remote_user}: a join
 * in the database, one decision per row, operations written in batches. Memory stays flat however many users.
 */
@Component
public class UserPlanner {

    /** Desired rows with the remote user they match: by email first, then by userName. */
    private static final String DESIRED_WITH_MATCH = """
            SELECT d.line_no, d.email, d.email_key, d.user_name, d.display_name, d.org_role, d.active,
                   COALESCE(r1.id, r2.id) AS r_id, COALESCE(r1.user_name, r2.user_name) AS r_user_name,
                   COALESCE(r1.display_name, r2.display_name) AS r_display_name,
                   COALESCE(r1.org_role, r2.org_role) AS r_org_role,
                   CASE WHEN r1.id IS NOT NULL THEN r1.active ELSE r2.active END AS r_active
            FROM desired_user d
            LEFT JOIN remote_user r1 ON r1.run_id = d.run_id AND r1.pass = 'snapshot' AND r1.email_key = d.email_key
            LEFT JOIN remote_user r2 ON r1.id IS NULL AND r2.run_id = d.run_id AND r2.pass = 'snapshot'
                   AND d.user_name_key IS NOT NULL AND r2.user_name_key = d.user_name_key
            WHERE d.run_id = ?
            ORDER BY d.line_no""";

    /** Active remote users that no input row names, not even an invalid one, and that the job owns. */
    private static final String ABSENT = """
            SELECT r.id, r.email, r.email_key, r.user_name, r.org_role FROM remote_user r
            WHERE r.run_id = ? AND r.pass = 'snapshot' AND r.active = TRUE
              AND """ + DesiredUsers.NAMED_BY_NO_ROW + """
              AND """ + Ownership.owned("users", "r.email_key") + """
            ORDER BY r.email_key, r.id""";

    private final JdbcTemplate jdbc;
    private final PlannedOps plannedOps;

    public UserPlanner(JdbcTemplate jdbc, PlannedOps plannedOps) {
        this.jdbc = jdbc;
        this.plannedOps = plannedOps;
    }

    /**
     * Plans the run's user operations, replacing any earlier plan of the same run.
     *
     * @param deactivateAbsent whether active users missing from the input are deactivated
     * @param protectedUsers   lower-case emails that are never deactivated or demoted
     * @param manageProfile    whether the target lets display names change (W&B multi-tenant does not)
     */
    public UserPlan plan(String runId, String jobName, boolean deactivateAbsent, Set<String> protectedUsers,
                         boolean manageProfile) {
        plannedOps.clear(runId);
        OpBatch ops = new OpBatch(runId, jobName, plannedOps);
        UserPlan plan = plan(ops, deactivateAbsent, protectedUsers, manageProfile);
        ops.flush();
        return plan;
    }

    UserPlan plan(OpBatch ops, boolean deactivateAbsent, Set<String> protectedUsers, boolean manageProfile) {
        String runId = ops.runId();
        long before = ops.count();
        Batch batch = new Batch(ops, protectedUsers, manageProfile);
        jdbc.query(DESIRED_WITH_MATCH, rs -> {
            batch.desired(rs);
        }, runId);
        if (deactivateAbsent) {
            jdbc.query(ABSENT, rs -> {
                batch.absent(rs);
            }, runId, ops.jobName());
        }
        ops.flush();
        long remoteAdmins = countActiveAdmins(runId);
        List<Long> blocked = new ArrayList<>();
        if (!batch.adminRemovals.isEmpty() && remoteAdmins - batch.adminRemovals.size() + batch.adminAdditions < 1) {
            for (long seq : batch.adminRemovals) {
                ops.block(seq, "would leave the organisation without an active admin");
                blocked.add(seq);
            }
        }
        return new UserPlan(ops.count() - before, blocked.size() + batch.protectedBlocks);
    }

    private long countActiveAdmins(String runId) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM remote_user WHERE run_id = ? AND pass = 'snapshot'"
                + " AND active = TRUE AND org_role = 'admin'", Long.class, runId);
        return n == null ? 0 : n;
    }

    /** The number of operations planned, and how many of them a safety rule holds back. */
    public record UserPlan(long operations, long blocked) {
    }

    /** Decides each row's operation and keeps count of what the last-admin rule needs. */
    private static final class Batch {
        private final OpBatch ops;
        private final Set<String> protectedUsers;
        private final boolean manageProfile;
        final List<Long> adminRemovals = new ArrayList<>();
        long adminAdditions;
        long protectedBlocks;

        Batch(OpBatch ops, Set<String> protectedUsers, boolean manageProfile) {
            this.ops = ops;
            this.protectedUsers = protectedUsers;
            this.manageProfile = manageProfile;
        }

        void desired(ResultSet rs) throws SQLException {
            long line = rs.getLong("line_no");
            String email = rs.getString("email");
            String key = rs.getString("email_key");
            String userName = rs.getString("user_name");
            String displayName = rs.getString("display_name");
            String orgRole = rs.getString("org_role");
            boolean active = rs.getBoolean("active");
            String remoteId = rs.getString("r_id");
            if (remoteId == null) {
                if (active) {
                    String name = userName != null ? userName : UserNames.fromEmail(email);
                    UserPayload payload = new UserPayload(email, name, displayName, orgRole, null, null);
                    long seq = add(OpKind.CREATE_USER, key, line, null, "", describe(true, orgRole, displayName),
                            payload);
                    if ("admin".equals(orgRole)) {
                        adminAdditions++;
                    }
                }
                return;
            }
            String remoteRole = rs.getString("r_org_role");
            String remoteName = rs.getString("r_display_name");
            boolean remoteActive = rs.getBoolean("r_active");
            boolean isProtected = protectedUsers.contains(key);
            String before = describe(remoteActive, remoteRole, remoteName);
            if (!active) {
                if (remoteActive) {
                    UserPayload payload = new UserPayload(email, rs.getString("r_user_name"), null, null, null, null);
                    long seq = add(OpKind.DEACTIVATE_USER, key, line, remoteId, before,
                            describe(false, remoteRole, remoteName), payload);
                    if (isProtected) {
                        holdBack(seq);
                    } else if ("admin".equals(remoteRole)) {
                        adminRemovals.add(seq);
                    }
                }
                return;
            }
            String newRole = orgRole != null && !orgRole.equals(remoteRole) ? orgRole : null;
            String newName = manageProfile && displayName != null && !displayName.equals(remoteName) ? displayName : null;
            boolean demotion = "admin".equals(remoteRole) && newRole != null;
            if (!remoteActive || newRole != null || newName != null) {
                OpKind kind = remoteActive ? OpKind.UPDATE_USER : OpKind.REACTIVATE_USER;
                UserPayload payload = new UserPayload(email, rs.getString("r_user_name"), displayName, orgRole,
                        newRole, newName);
                String after = describe(true, newRole != null ? newRole : remoteRole,
                        newName != null ? newName : remoteName);
                long seq = add(kind, key, line, remoteId, before, after, payload);
                if (demotion && isProtected) {
                    holdBack(seq);
                } else if (demotion && remoteActive) {
                    adminRemovals.add(seq);
                } else if ("admin".equals(newRole) || !remoteActive && "admin".equals(remoteRole)) {
                    adminAdditions++;
                }
            }
        }

        void absent(ResultSet rs) throws SQLException {
            String key = Objects.requireNonNullElse(rs.getString("email_key"), rs.getString("user_name"));
            if (key != null && protectedUsers.contains(key.toLowerCase(Locale.ROOT))) {
                return;
            }
            String role = rs.getString("org_role");
            UserPayload payload = new UserPayload(rs.getString("email"), rs.getString("user_name"), null, null,
                    null, null);
            long seq = add(OpKind.DEACTIVATE_USER, key, null, rs.getString("id"), describe(true, role, null),
                    describe(false, role, null), payload);
            if ("admin".equals(role)) {
                adminRemovals.add(seq);
            }
        }

        private long add(OpKind kind, String key, Long line, String targetId, String before, String after,
                         UserPayload payload) {
            return ops.add(kind, key, "users", line, targetId, before, after, payload.toJson());
        }

        private void holdBack(long seq) {
            ops.block(seq, "protected user: never deactivated or demoted (policy.protected-users)");
            protectedBlocks++;
        }
    }

    static String describe(boolean active, String orgRole, String displayName) {
        StringBuilder s = new StringBuilder(active ? "active" : "inactive");
        if (orgRole != null) {
            s.append("; org_role=").append(orgRole);
        }
        if (displayName != null) {
            s.append("; display_name=").append(displayName);
        }
        return s.toString();
    }
}
