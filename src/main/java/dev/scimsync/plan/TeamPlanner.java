package dev.scimsync.plan;

import dev.scimsync.config.RoleNames;
import dev.scimsync.input.IdentityText;
import dev.scimsync.plan.OpKind;
import dev.scimsync.state.OwnershipLedger;
import dev.scimsync.snapshot.RemoteOrg;
import dev.scimsync.plan.TeamPayload;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Plans teams, memberships and team roles from {@code desired_team} and {@code desired_member}, read in line order,
 * against the snapshot held in memory ({@link RemoteOrg}). Requests grow with changes: a member already in the team
 * with the same role costs nothing. Memory grows with the organisation and with the members of teams still to be
 * created, not with the memberships file.
 */
@Component
public class TeamPlanner {

    private static final Set<String> BUILT_IN = RoleNames.BUILT_IN;

    private static final String MEMBERS = """
            SELECT line_no, team, team_key, email_key, role FROM desired_member WHERE run_id = ?
            ORDER BY run_id, line_no""";

    /** The teams the inputs manage: those in teams.csv and those named in memberships.csv, by lower-case name. */
    record Managed(Set<String> teamKeys) {
    }

    private record Team(String key, String name, String kind, long line) {
    }

    private record Absent(RemoteOrg.Group group, RemoteOrg.User user, String key) {
    }

    private final JdbcTemplate jdbc;
    private final OwnershipLedger ownership;

    public TeamPlanner(JdbcTemplate jdbc, OwnershipLedger ownership) {
        this.jdbc = jdbc;
        this.ownership = ownership;
    }

    Managed plan(OpBatch ops, RemoteOrg org, boolean removeAbsent, Set<String> protectedUsers) {
        return plan(ops, org, removeAbsent, protectedUsers, true);
    }

    /** @param teamRoles whether the target takes team roles; when not, the role column is not planned */
    Managed plan(OpBatch ops, RemoteOrg org, boolean removeAbsent, Set<String> protectedUsers, boolean teamRoles) {
        String runId = ops.runId();
        // every team the inputs manage: teams.csv in line order, then those memberships.csv names first
        Map<String, Team> teams = new LinkedHashMap<>();
        jdbc.query("SELECT line_no, name, name_key FROM desired_team WHERE run_id = ?"
                + " ORDER BY run_id, line_no", rs -> {
            teams.putIfAbsent(rs.getString("name_key"), new Team(rs.getString("name_key"), rs.getString("name"),
                    "teams", rs.getLong("line_no")));
        }, runId);
        Map<String, List<String>> newTeamMembers = new HashMap<>();
        BitSet named = new BitSet(org.membershipCount());
        // one pass over memberships.csv; a new team's operation sorts before its members' by phase, whenever it
        // is numbered
        jdbc.query(MEMBERS, rs -> {
            long line = rs.getLong("line_no");
            String team = rs.getString("team");
            String teamKey = rs.getString("team_key");
            String email = rs.getString("email_key");
            if (!teams.containsKey(teamKey)) {
                teams.put(teamKey, new Team(teamKey, team, "memberships", line));
            }
            String key = teamKey + "/" + email;
            RemoteOrg.Group group = org.groupByNameKey(teamKey);
            RemoteOrg.User user = org.userByEmailKey(email);
            if (group == null) {
                newTeamMembers.computeIfAbsent(teamKey, k -> new ArrayList<>()).add(email);
            }
            String groupId = group == null ? null : group.id();
            String userId = user == null ? null : user.id();
            int membership = org.membership(group, user);
            boolean member = membership >= 0;
            if (member) {
                named.set(membership);
            } else {
                ops.add(OpKind.ADD_MEMBER, key, "memberships", line, groupId, "not a member", "member",
                        TeamPayload.member(team, groupId, email, userId, null).toJson());
            }
            String role = teamRoles ? rs.getString("role") : null;
            String current = member ? user.teamRole(teamKey) : RemoteOrg.DEFAULT_TEAM_ROLE;
            if (role != null && !sameRole(role, current)) {
                ops.add(OpKind.SET_TEAM_ROLE, key, "memberships", line, userId, "team role " + current,
                        "team role " + role, TeamPayload.member(team, groupId, email, userId, role).toJson());
            }
        }, runId);
        for (Team team : teams.values()) {
            if (org.groupByNameKey(team.key()) == null) {
                List<String> members = newTeamMembers.getOrDefault(team.key(), List.of());
                ops.add(OpKind.CREATE_TEAM, team.key(), team.kind(), team.line(), null, "",
                        "team " + team.name() + " with " + members.size() + " members",
                        TeamPayload.create(team.name(), members).toJson());
            }
        }
        newTeamMembers.clear();
        if (removeAbsent) {
            removeAbsent(ops, org, teams.keySet(), named, protectedUsers);
        }
        return new Managed(teams.keySet());
    }

    /**
     * Members of managed teams that no row names (not even an invalid one) and that the job owns; members the
     * snapshot does not list as users are never touched.
     */
    private void removeAbsent(OpBatch ops, RemoteOrg org, Set<String> managed, BitSet named,
                              Set<String> protectedUsers) {
        // an invalid row protects every membership its key could have meant: keys compared in their loose form
        Set<String> invalidRows = new HashSet<>();
        jdbc.query("SELECT row_key FROM row_error WHERE run_id = ? AND kind = 'memberships' AND row_key IS NOT NULL",
                rs -> {
            invalidRows.add(IdentityText.loose(rs.getString(1)));
        }, ops.runId());
        List<Absent> absent = new ArrayList<>();
        for (int m = named.nextClearBit(0); m < org.membershipCount(); m = named.nextClearBit(m + 1)) {
            RemoteOrg.Group group = org.membershipGroup(m);
            RemoteOrg.User user = org.membershipUser(m);
            if (managed.contains(group.nameKey()) && user.emailKey() != null) {
                String key = group.nameKey() + "/" + user.emailKey();
                if (invalidRows.isEmpty() || !invalidRows.contains(IdentityText.loose(group.nameKey()) + "/"
                        + IdentityText.loose(user.emailKey()))) {
                    absent.add(new Absent(group, user, key));
                }
            }
        }
        Set<String> owned = ownership.owned(ops.jobName(), "memberships", absent.stream().map(Absent::key).toList());
        absent.sort(Comparator.comparing((Absent a) -> a.group().nameKey()).thenComparing(a -> a.user().emailKey()));
        for (Absent a : absent) {
            String email = a.user().emailKey();
            if (!owned.contains(a.key()) || protectedUsers.contains(email)) {
                continue;
            }
            String groupId = a.group().id();
            ops.add(OpKind.REMOVE_MEMBER, a.key(), "memberships", null, groupId,
                    "member (team role " + a.user().teamRole(a.group().nameKey()) + ")", "not a member",
                    TeamPayload.member(a.group().name(), groupId, email, a.user().id(), null).toJson());
        }
    }

    private static boolean sameRole(String desired, String current) {
        return BUILT_IN.contains(desired) ? desired.equals(current.toLowerCase(Locale.ROOT)) : desired.equals(current);
    }
}
