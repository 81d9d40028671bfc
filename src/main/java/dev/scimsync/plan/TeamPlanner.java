package dev.scimsync.plan;

import dev.scimsync.config.RoleNames;
import dev.scimsync.input.IdentityText;
import dev.scimsync.snapshot.RemoteOrg;
import dev.scimsync.state.OwnershipLedger;
import dev.scimsync.validate.DesiredMember;
import dev.scimsync.validate.DesiredTeam;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Plans teams, memberships and team roles from {@code desired_team} and {@code desired_member}, read in line order,
 * against the snapshot held in memory ({@link RemoteOrg}). Requests grow with changes: a member already in the team
 * with the same role costs nothing. Memory grows with the organisation and with the members of teams still to be
 * created, not with the memberships file: {@link #decide} takes the rows one at a time and hands each operation on
 * as soon as it is decided; this class only reads the rows and queues the operations.
 */
@Component
public class TeamPlanner {

    private static final Set<String> BUILT_IN = RoleNames.BUILT_IN;

    static final String TEAMS = """
            SELECT line_no, name, name_key FROM desired_team WHERE run_id = ?
            ORDER BY run_id, line_no""";

    static final String MEMBERS = """
            SELECT line_no, team, team_key, email, email_key, role FROM desired_member WHERE run_id = ?
            ORDER BY run_id, line_no""";

    private static final String INVALID_ROWS = """
            SELECT row_key FROM row_error WHERE run_id = ? AND kind = 'memberships' AND row_key IS NOT NULL""";

    private static final String INVALID_TEAM_ROWS = """
            SELECT row_key FROM row_error WHERE run_id = ? AND kind IN ('teams', 'memberships')
              AND row_key IS NOT NULL""";

    /** The teams the inputs manage: those in teams.csv and those named in memberships.csv, by lower-case name. */
    record Managed(Set<String> teamKeys) {
    }

    /**
     * What {@code policy.absent-members: remove} needs.
     *
     * @param protectedUsers lower-case emails that are never removed
     * @param invalidRowKeys the keys ({@code team/email}) of the invalid rows of memberships.csv, as they were kept
     * @param owned          those of the given membership keys ({@code team/email}) that the job owns
     */
    record AbsentMembers(Set<String> protectedUsers, Rows<String> invalidRowKeys,
                         Function<Collection<String>, Set<String>> owned) {
    }

    /**
     * What {@code policy.absent-teams: delete} needs.
     *
     * @param protectedTeams lower-case team names that are never deleted
     * @param invalidRowKeys the keys of the invalid rows of teams.csv (a team) and memberships.csv ({@code
     *                       team/email}), as they were kept
     * @param owned          those of the given team keys (lower-case names) that the job owns
     */
    record AbsentTeams(Set<String> protectedTeams, Rows<String> invalidRowKeys,
                       Function<Collection<String>, Set<String>> owned) {
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
        return plan(ops, org, removeAbsent, protectedUsers, teamRoles, Policy.AbsentTeams.KEPT);
    }

    /** @param teamPolicy whether owned teams that no input lists are deleted, and which never are */
    Managed plan(OpBatch ops, RemoteOrg org, boolean removeAbsent, Set<String> protectedUsers, boolean teamRoles,
                 Policy.AbsentTeams teamPolicy) {
        String runId = ops.runId();
        Rows<DesiredTeam> teams = action -> jdbc.query(TEAMS, rs -> {
            action.accept(new DesiredTeam(rs.getLong("line_no"), rs.getString("name"), rs.getString("name_key")));
        }, runId);
        Rows<DesiredMember> members = action -> jdbc.query(MEMBERS, rs -> {
            action.accept(new DesiredMember(rs.getLong("line_no"), rs.getString("team"), rs.getString("team_key"),
                    rs.getString("email"), rs.getString("email_key"), teamRoles ? rs.getString("role") : null));
        }, runId);
        AbsentMembers absent = !removeAbsent ? null : new AbsentMembers(protectedUsers,
                action -> jdbc.query(INVALID_ROWS, rs -> {
                    action.accept(rs.getString(1));
                }, runId),
                keys -> ownership.owned(ops.jobName(), "memberships", keys));
        AbsentTeams absentTeams = !teamPolicy.delete() ? null : new AbsentTeams(teamPolicy.protectedTeams(),
                action -> jdbc.query(INVALID_TEAM_ROWS, rs -> {
                    action.accept(rs.getString(1));
                }, runId),
                keys -> ownership.owned(ops.jobName(), "teams", keys));
        return new Managed(decide(teams, members, org, absent, absentTeams, ops::add));
    }

    static Set<String> decide(Rows<DesiredTeam> teams, Rows<DesiredMember> members, RemoteOrg org,
                              AbsentMembers absentMembers, Consumer<NewOp> out) {
        return decide(teams, members, org, absentMembers, null, out);
    }

    /**
     * Decides the team operations of a run: a membership row adds its user to the team unless the snapshot lists
     * them there, and sets its team role when the row names one that differs; a team the snapshot lacks is created
     * with the members the rows name; under {@code absentMembers}, owned members of the managed teams that no row
     * names are removed; under {@code absentTeams}, owned teams that no row names are deleted.
     *
     * @param teams         the rows of teams.csv, in line order
     * @param members       the rows of memberships.csv, in line order
     * @param absentMembers what removing absent members needs, or null when absent members stay
     * @param absentTeams   what deleting absent teams needs, or null when absent teams stay
     * @param out           takes each operation, in the order the operations are numbered
     * @return the lower-case names of the teams the inputs manage, teams.csv's first
     */
    static Set<String> decide(Rows<DesiredTeam> teams, Rows<DesiredMember> members, RemoteOrg org,
                              AbsentMembers absentMembers, AbsentTeams absentTeams, Consumer<NewOp> out) {
        // every team the inputs manage: teams.csv in line order, then those memberships.csv names first
        Map<String, Team> managed = new LinkedHashMap<>();
        teams.forEach(t -> managed.putIfAbsent(t.nameKey(), new Team(t.nameKey(), t.name(), "teams", t.line())));
        Map<String, List<String>> newTeamMembers = new HashMap<>();
        BitSet named = new BitSet(org.membershipCount());
        // one pass over memberships.csv; a new team's operation sorts before its members' by phase, whenever it
        // is numbered
        members.forEach(row -> {
            long line = row.line();
            String team = row.team();
            String teamKey = row.teamKey();
            String email = row.emailKey();
            if (!managed.containsKey(teamKey)) {
                managed.put(teamKey, new Team(teamKey, team, "memberships", line));
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
                out.accept(new NewOp(OpKind.ADD_MEMBER, key, "memberships", line, groupId, "not a member", "member",
                        TeamPayload.member(team, groupId, email, userId, null).toJson()));
            }
            String role = row.role();
            String current = member ? user.teamRole(teamKey) : RemoteOrg.DEFAULT_TEAM_ROLE;
            if (role != null && !sameRole(role, current)) {
                out.accept(new NewOp(OpKind.SET_TEAM_ROLE, key, "memberships", line, userId, "team role " + current,
                        "team role " + role, TeamPayload.member(team, groupId, email, userId, role).toJson()));
            }
        });
        for (Team team : managed.values()) {
            if (org.groupByNameKey(team.key()) == null) {
                List<String> newMembers = newTeamMembers.getOrDefault(team.key(), List.of());
                out.accept(new NewOp(OpKind.CREATE_TEAM, team.key(), team.kind(), team.line(), null, "",
                        "team " + team.name() + " with " + newMembers.size() + " members",
                        TeamPayload.create(team.name(), newMembers).toJson()));
            }
        }
        newTeamMembers.clear();
        if (absentMembers != null) {
            removeAbsent(org, managed.keySet(), named, absentMembers, out);
        }
        if (absentTeams != null) {
            deleteAbsent(org, managed.keySet(), absentTeams, out);
        }
        return managed.keySet();
    }

    /**
     * Teams of the target that no row names (not even an invalid one), that the job owns and that are not protected
     * are deleted, by name. A team the job never owned, or a protected one, is never touched.
     */
    private static void deleteAbsent(RemoteOrg org, Set<String> managed, AbsentTeams policy, Consumer<NewOp> out) {
        // an invalid row protects every team its key could have meant; a membership row's key is team/email
        Set<String> invalidRows = new HashSet<>();
        policy.invalidRowKeys().forEach(key -> {
            int at = key.lastIndexOf('@');
            int slash = at < 0 ? -1 : key.lastIndexOf('/', at);
            invalidRows.add(IdentityText.loose(slash > 0 ? key.substring(0, slash) : key));
        });
        List<RemoteOrg.Group> absent = new ArrayList<>();
        for (RemoteOrg.Group group : org.groups()) {
            if (!managed.contains(group.nameKey()) && !invalidRows.contains(IdentityText.loose(group.nameKey()))) {
                absent.add(group);
            }
        }
        Set<String> owned = policy.owned().apply(absent.stream().map(RemoteOrg.Group::nameKey).toList());
        absent.sort(Comparator.comparing(RemoteOrg.Group::nameKey).thenComparing(RemoteOrg.Group::id));
        for (RemoteOrg.Group group : absent) {
            // a protected team is kept like a protected user no input lists: drift.csv says so, and a nightly run
            // does not end asking for a person over a decision the job file already made
            if (!owned.contains(group.nameKey()) || policy.protectedTeams().contains(group.nameKey())) {
                continue;
            }
            out.accept(new NewOp(OpKind.DELETE_TEAM, group.nameKey(), "teams", null, group.id(),
                    "team " + group.name() + " with " + group.memberIds().size() + " members", "deleted",
                    TeamPayload.member(group.name(), group.id(), null, null, null).toJson()));
        }
    }

    /**
     * Members of managed teams that no row names (not even an invalid one) and that the job owns; members the
     * snapshot does not list as users are never touched.
     */
    private static void removeAbsent(RemoteOrg org, Set<String> managed, BitSet named, AbsentMembers policy,
                                     Consumer<NewOp> out) {
        // an invalid row protects every membership its key could have meant: keys compared in their loose form
        Set<String> invalidRows = new HashSet<>();
        policy.invalidRowKeys().forEach(key -> invalidRows.add(IdentityText.loose(key)));
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
        Set<String> owned = policy.owned().apply(absent.stream().map(Absent::key).toList());
        absent.sort(Comparator.comparing((Absent a) -> a.group().nameKey()).thenComparing(a -> a.user().emailKey()));
        for (Absent a : absent) {
            String email = a.user().emailKey();
            if (!owned.contains(a.key()) || policy.protectedUsers().contains(email)) {
                continue;
            }
            String groupId = a.group().id();
            out.accept(new NewOp(OpKind.REMOVE_MEMBER, a.key(), "memberships", null, groupId,
                    "member (team role " + a.user().teamRole(a.group().nameKey()) + ")", "not a member",
                    TeamPayload.member(a.group().name(), groupId, email, a.user().id(), null).toJson()));
        }
    }

    private static boolean sameRole(String desired, String current) {
        return BUILT_IN.contains(desired) ? desired.equals(current.toLowerCase(Locale.ROOT)) : desired.equals(current);
    }
}
