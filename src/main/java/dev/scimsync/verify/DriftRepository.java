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
 * Reads what the target holds that the inputs do not describe, from a run's snapshot and plan: users and teams;
 * memberships and roles would add a query each.
 */
@Repository
public class DriftRepository {

    /** Operations an input row asked for that were held back; the caller keeps those on protected users. */
    private static final String HELD_BACK_USERS = """
            SELECT o.target_id, o.object_key AS email_key, o.kind, o.state, o.error_type, o.detail
            FROM planned_op o
            WHERE o.run_id = ? AND o.state = 'BLOCKED' AND o.line_no IS NOT NULL
              AND o.kind IN ('DEACTIVATE_USER', 'UPDATE_USER', 'REMOVE_USER', 'REMOVE_IN_ADMIN_UI')
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
        forEachUser(opsRunId, protectedUsers, false, action);
    }

    /**
     * The same; with {@code inactiveToo} ({@code absent-users: remove}), inactive users no row names are drift too:
     * they must leave the organisation.
     */
    public void forEachUser(String opsRunId, Collection<String> protectedUsers, boolean inactiveToo,
                            Consumer<DriftRow> action) {
        RemoteOrg org = remoteOrgs.load(opsRunId, SnapshotRepository.SNAPSHOT);
        // users no input row names, not even an invalid one (as the planner finds absent users), with what the plan
        // did about them: of a deactivation and the removal left to a person after it, the one still to happen
        Map<String, Planned> removals = new HashMap<>();
        jdbc.query("SELECT target_id, kind, state, error_type, detail FROM planned_op WHERE run_id = ?"
                + " AND line_no IS NULL AND kind IN ('DEACTIVATE_USER', 'REMOVE_USER', 'REMOVE_IN_ADMIN_UI')"
                + " ORDER BY seq", rs -> {
            Planned planned = new Planned(OpKind.valueOf(rs.getString(2)), OpState.valueOf(rs.getString(3)),
                    rs.getString(4), rs.getString(5));
            removals.merge(rs.getString(1), planned, (earlier, later) -> earlier.state() == OpState.DONE ? later
                    : earlier);
        }, opsRunId);
        for (RemoteOrg.User user : desiredUsers.absent(opsRunId, org, inactiveToo)) {
            action.accept(user(user, user.emailKey(), DriftRow.UNMANAGED, removals.get(user.id())));
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
                describe(user == null || user.active(), user == null ? null : user.orgRole(),
                        user == null ? null : user.displayName()),
                planned == null ? null : planned.kind(), planned == null ? null : planned.state(),
                planned == null ? null : planned.errorType(), planned == null ? null : planned.detail());
    }

    /**
     * Streams the team drift of the run whose snapshot and plan are kept under {@code opsRunId}: the target's teams
     * that no valid row of teams.csv or memberships.csv names, each with its deletion if the plan made one. A job
     * with neither input describes no team: it has no team drift.
     */
    public void forEachTeam(String opsRunId, Consumer<DriftRow> action) {
        Long teamInputs = jdbc.queryForObject("SELECT COUNT(*) FROM input_file WHERE run_id = ?"
                + " AND kind IN ('teams', 'memberships')", Long.class, opsRunId);
        if (teamInputs == null || teamInputs == 0) {
            return;
        }
        RemoteOrg org = remoteOrgs.load(opsRunId, SnapshotRepository.SNAPSHOT);
        java.util.Set<String> named = new java.util.HashSet<>();
        jdbc.query("SELECT name_key FROM desired_team WHERE run_id = ?", rs -> {
            named.add(rs.getString(1));
        }, opsRunId);
        jdbc.query("SELECT DISTINCT team_key FROM desired_member WHERE run_id = ?", rs -> {
            named.add(rs.getString(1));
        }, opsRunId);
        Map<String, Planned> deletions = new HashMap<>();
        jdbc.query("SELECT target_id, kind, state, error_type, detail FROM planned_op WHERE run_id = ?"
                + " AND kind = 'DELETE_TEAM'", rs -> {
            deletions.putIfAbsent(rs.getString(1), new Planned(OpKind.valueOf(rs.getString(2)),
                    OpState.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5)));
        }, opsRunId);
        org.groups().stream().filter(g -> !named.contains(g.nameKey()))
                .sorted(java.util.Comparator.comparing(RemoteOrg.Group::nameKey))
                .forEach(g -> {
                    Planned planned = deletions.get(g.id());
                    action.accept(new DriftRow("team", g.nameKey(), g.id(), DriftRow.UNMANAGED,
                            g.memberIds().size() + " members", planned == null ? null : planned.kind(),
                            planned == null ? null : planned.state(), planned == null ? null : planned.errorType(),
                            planned == null ? null : planned.detail()));
                });
    }

    private static String describe(boolean active, String orgRole, String displayName) {
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
