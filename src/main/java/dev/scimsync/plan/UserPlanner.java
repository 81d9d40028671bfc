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
            SELECT line_no, email, email_key, user_name, user_name_key, display_name, org_role, active, removed
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
        return plan(ops, org, deactivateAbsent, protectedUsers, manageProfile, manageOrgRole, Policy.Removals.NONE);
    }

    /** @param removals what becomes of users who must leave the organisation, absent or {@code active=removed} */
    UserPlan plan(OpBatch ops, RemoteOrg org, boolean deactivateAbsent, Set<String> protectedUsers,
                  boolean manageProfile, boolean manageOrgRole, Policy.Removals removals) {
        String runId = ops.runId();
        long before = ops.count();
        Batch batch = new Batch(ops, protectedUsers, manageProfile, manageOrgRole, removals.deleteRemovesUsers());
        jdbc.query(DESIRED, rs -> {
            batch.desired(rs, org);
        }, runId);
        if (deactivateAbsent || removals.removeAbsent()) {
            // a user who must leave may be inactive already: deactivated by an earlier run, and still listed
            List<RemoteOrg.User> absent = desiredUsers.absent(runId, org, removals.removeAbsent());
            Set<String> owned = ownership.owned(ops.jobName(), "users",
                    absent.stream().map(RemoteOrg.User::emailKey).toList());
            for (RemoteOrg.User user : absent) {
                if (user.emailKey() != null && owned.contains(user.emailKey())) {
                    if (removals.removeAbsent()) {
                        batch.absentLeaves(user);
                    } else {
                        batch.absent(user);
                    }
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

    /** Why a user who must leave is named for a person on a target whose DELETE only deactivates. */
    static final String REMOVE_BY_HAND = "target.user-delete: deactivates: this target's DELETE /Users only"
            + " deactivates, and SCIM has no call that removes the user: remove it in the W&B admin UI";

    /** Decides each row's operation and keeps count of what the last-admin rule needs. */
    private static final class Batch {
        private final OpBatch ops;
        private final Set<String> protectedUsers;
        private final boolean manageProfile;
        private final boolean manageOrgRole;
        private final boolean deleteRemoves;
        final List<Long> adminRemovals = new ArrayList<>();
        long adminAdditions;
        long protectedBlocks;

        Batch(OpBatch ops, Set<String> protectedUsers, boolean manageProfile, boolean manageOrgRole,
              boolean deleteRemoves) {
            this.ops = ops;
            this.protectedUsers = protectedUsers;
            this.manageProfile = manageProfile;
            this.manageOrgRole = manageOrgRole;
            this.deleteRemoves = deleteRemoves;
        }

        void desired(ResultSet rs, RemoteOrg org) throws SQLException {
            long line = rs.getLong("line_no");
            String email = rs.getString("email");
            String key = rs.getString("email_key");
            String userName = rs.getString("user_name");
            String displayName = rs.getString("display_name");
            String orgRole = manageOrgRole ? rs.getString("org_role") : null;
            boolean active = rs.getBoolean("active");
            boolean removed = rs.getBoolean("removed");
            // matched by email first, then by userName
            RemoteOrg.User remote = org.userByEmailKey(key);
            if (remote == null) {
                remote = org.userByUserNameKey(rs.getString("user_name_key"));
            }
            if (removed) {
                // a user the target does not list has left already: nothing to do
                if (remote != null) {
                    leave(email, key, line, remote);
                }
                return;
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

        /** An owned user no row names, under {@code absent-users: remove}; protected users stay. */
        void absentLeaves(RemoteOrg.User user) {
            String key = Objects.requireNonNullElse(user.emailKey(), user.userName());
            if (key != null && protectedUsers.contains(key.toLowerCase(Locale.ROOT))) {
                return;
            }
            leave(user.email(), key, null, user);
        }

        /**
         * Takes a listed user out of the organisation: {@code DELETE} where that removes; elsewhere a deactivation
         * when the user is active, then the removal named for a person, never sent. A protected user's first
         * operation is planned and held back, and nothing follows it.
         */
        private void leave(String email, String key, Long line, RemoteOrg.User remote) {
            boolean isProtected = key != null && protectedUsers.contains(key.toLowerCase(Locale.ROOT));
            String role = remote.orgRole();
            boolean admin = remote.active() && "admin".equals(role);
            String before = describe(remote.active(), role, remote.displayName());
            UserPayload payload = new UserPayload(email, remote.userName(), null, null, null, null);
            if (deleteRemoves || !remote.active()) {
                OpKind kind = deleteRemoves ? OpKind.REMOVE_USER : OpKind.REMOVE_IN_ADMIN_UI;
                long seq = add(kind, key, line, remote.id(), before, "removed from the organisation", payload);
                if (isProtected) {
                    holdBack(seq);
                } else if (kind == OpKind.REMOVE_IN_ADMIN_UI) {
                    ops.block(seq, REMOVE_BY_HAND);
                } else if (admin) {
                    adminRemovals.add(seq);
                }
                return;
            }
            long seq = add(OpKind.DEACTIVATE_USER, key, line, remote.id(), before,
                    describe(false, role, remote.displayName()), payload);
            if (isProtected) {
                holdBack(seq);
                return;
            }
            if (admin) {
                adminRemovals.add(seq);
            }
            ops.block(add(OpKind.REMOVE_IN_ADMIN_UI, key, line, remote.id(), describe(false, role,
                    remote.displayName()), "removed from the organisation", payload), REMOVE_BY_HAND);
        }

        private long add(OpKind kind, String key, Long line, String targetId, String before, String after,
                         UserPayload payload) {
            return ops.add(kind, key, "users", line, targetId, before, after, payload.toJson());
        }

        private void holdBack(long seq) {
            ops.block(seq, "protected user: never deactivated, removed or demoted (policy.protected-users)");
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
