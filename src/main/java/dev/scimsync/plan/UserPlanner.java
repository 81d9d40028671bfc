package dev.scimsync.plan;

import dev.scimsync.plan.DesiredUserRepository;
import dev.scimsync.plan.OpKind;
import dev.scimsync.state.OwnershipLedger;
import dev.scimsync.snapshot.RemoteOrg;
import dev.scimsync.plan.UserPayload;
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
 * Works out the user operations of a run from {@code desired_user}, read in line order, and the snapshot of the
 * target held in memory ({@link RemoteOrg}): one lookup per row, one decision per row, operations written in
 * batches. Memory grows with the organisation, not with the file.
 */
@Component
public class UserPlanner {

    static final String DESIRED = """
            SELECT line_no, email, email_key, user_name, user_name_key, display_name, org_role, active
            FROM desired_user WHERE run_id = ? ORDER BY run_id, line_no""";

    private final JdbcTemplate jdbc;
    private final DesiredUserRepository desiredUsers;
    private final OwnershipLedger ownership;

    public UserPlanner(JdbcTemplate jdbc, DesiredUserRepository desiredUsers, OwnershipLedger ownership) {
        this.jdbc = jdbc;
        this.desiredUsers = desiredUsers;
        this.ownership = ownership;
    }

    /**
     * Plans the run's user operations against the target's listing, into {@code ops}.
     *
     * @param deactivateAbsent whether active users missing from the input are deactivated
     * @param protectedUsers   lower-case emails that are never deactivated or demoted
     * @param manageProfile    whether the target lets display names change (W&B multi-tenant does not)
     */
    UserPlan plan(OpBatch ops, RemoteOrg org, boolean deactivateAbsent, Set<String> protectedUsers,
                  boolean manageProfile) {
        return plan(ops, org, deactivateAbsent, protectedUsers, manageProfile, true);
    }

    /** @param manageOrgRole whether the target takes org_role; when not, its values are not planned */
    UserPlan plan(OpBatch ops, RemoteOrg org, boolean deactivateAbsent, Set<String> protectedUsers,
                  boolean manageProfile, boolean manageOrgRole) {
        String runId = ops.runId();
        long before = ops.count();
        Batch batch = new Batch(ops, protectedUsers, manageProfile, manageOrgRole);
        jdbc.query(DESIRED, rs -> {
            batch.desired(rs, org);
        }, runId);
        if (deactivateAbsent) {
            List<RemoteOrg.User> absent = desiredUsers.absent(runId, org);
            Set<String> owned = ownership.owned(ops.jobName(), "users",
                    absent.stream().map(RemoteOrg.User::emailKey).toList());
            for (RemoteOrg.User user : absent) {
                if (user.emailKey() != null && owned.contains(user.emailKey())) {
                    batch.absent(user);
                }
            }
        }
        ops.flush();
        long remoteAdmins = org.users().stream().filter(u -> u.active() && "admin".equals(u.orgRole())).count();
        List<Long> blocked = new ArrayList<>();
        if (!batch.adminRemovals.isEmpty() && remoteAdmins - batch.adminRemovals.size() + batch.adminAdditions < 1) {
            for (long seq : batch.adminRemovals) {
                ops.block(seq, "would leave the organisation without an active admin");
                blocked.add(seq);
            }
        }
        return new UserPlan(ops.count() - before, blocked.size() + batch.protectedBlocks);
    }

    /** The number of operations planned, and how many of them a safety rule holds back. */
    public record UserPlan(long operations, long blocked) {
    }

    /** Decides each row's operation and keeps count of what the last-admin rule needs. */
    private static final class Batch {
        private final OpBatch ops;
        private final Set<String> protectedUsers;
        private final boolean manageProfile;
        private final boolean manageOrgRole;
        final List<Long> adminRemovals = new ArrayList<>();
        long adminAdditions;
        long protectedBlocks;

        Batch(OpBatch ops, Set<String> protectedUsers, boolean manageProfile, boolean manageOrgRole) {
            this.ops = ops;
            this.protectedUsers = protectedUsers;
            this.manageProfile = manageProfile;
            this.manageOrgRole = manageOrgRole;
        }

        void desired(ResultSet rs, RemoteOrg org) throws SQLException {
            long line = rs.getLong("line_no");
            String email = rs.getString("email");
            String key = rs.getString("email_key");
            String userName = rs.getString("user_name");
            String displayName = rs.getString("display_name");
            String orgRole = manageOrgRole ? rs.getString("org_role") : null;
            boolean active = rs.getBoolean("active");
            // matched by email first, then by userName
            RemoteOrg.User remote = org.userByEmailKey(key);
            if (remote == null) {
                remote = org.userByUserNameKey(rs.getString("user_name_key"));
            }
            if (remote == null) {
                if (active) {
                    String name = userName != null ? userName : UserNames.fromEmail(email);
                    UserPayload payload = new UserPayload(email, name, displayName, orgRole, null, null);
                    add(OpKind.CREATE_USER, key, line, null, "", describe(true, orgRole, displayName), payload);
                    if ("admin".equals(orgRole)) {
                        adminAdditions++;
                    }
                }
                return;
            }
            String remoteId = remote.id();
            String remoteRole = remote.orgRole();
            String remoteName = remote.displayName();
            boolean remoteActive = remote.active();
            boolean isProtected = protectedUsers.contains(key);
            String before = describe(remoteActive, remoteRole, remoteName);
            if (!active) {
                if (remoteActive) {
                    UserPayload payload = new UserPayload(email, remote.userName(), null, null, null, null);
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
                UserPayload payload = new UserPayload(email, remote.userName(), displayName, orgRole,
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

        void absent(RemoteOrg.User user) {
            String key = Objects.requireNonNullElse(user.emailKey(), user.userName());
            if (key != null && protectedUsers.contains(key.toLowerCase(Locale.ROOT))) {
                return;
            }
            String role = user.orgRole();
            UserPayload payload = new UserPayload(user.email(), user.userName(), null, null, null, null);
            long seq = add(OpKind.DEACTIVATE_USER, key, null, user.id(), describe(true, role, null),
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
