package dev.scimsync.emulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The state of one emulated organisation: users, teams and custom roles in creation order, with the
 * case-insensitive uniqueness indexes. Not thread-safe: reach it only through {@link OrgStore}.
 */
final class Org {

    private final Map<String, User> users = new LinkedHashMap<>();
    private final Map<String, String> userIdByName = new HashMap<>();
    private final Map<String, String> userIdByEmail = new HashMap<>();
    private final Map<String, Team> teams = new LinkedHashMap<>();
    private final Map<String, String> teamIdByName = new HashMap<>();
    private final Map<String, Role> roles = new LinkedHashMap<>();
    /** Team creation order, and each user's teams: a user's team roles without visiting every team. */
    private final Map<String, Long> teamOrder = new HashMap<>();
    /** Each team's service accounts, by team id, in creation order; they are no users of the SCIM API. */
    private final Map<String, List<ServiceAccount>> serviceAccounts = new HashMap<>();
    private final Map<String, Set<String>> teamIdsByUser = new HashMap<>();
    private long teamsCreated;

    Collection<User> users() {
        return users.values();
    }

    Collection<Team> teams() {
        return teams.values();
    }

    Collection<Role> roles() {
        return roles.values();
    }

    User user(String id) {
        User user = users.get(id);
        if (user == null) {
            throw ScimException.notFound("User " + id + " not found");
        }
        return user;
    }

    /** The user with this id, or null. */
    User findUser(String id) {
        return id == null ? null : users.get(id);
    }

    User userByName(String userName) {
        return userName == null ? null : users.get(userIdByName.get(lower(userName)));
    }

    User userByEmail(String email) {
        return email == null ? null : users.get(userIdByEmail.get(lower(email)));
    }

    void putUser(User user) {
        User old = users.put(user.id(), user);
        if (old != null) {
            userIdByName.remove(lower(old.userName()));
            if (old.email() != null) {
                userIdByEmail.remove(lower(old.email()));
            }
        }
        userIdByName.put(lower(user.userName()), user.id());
        if (user.email() != null) {
            userIdByEmail.put(lower(user.email()), user.id());
        }
    }

    /** Removes a user from the organisation and from every team it belonged to. */
    void removeUser(String id, Instant now) {
        User old = users.remove(id);
        if (old == null) {
            return;
        }
        userIdByName.remove(lower(old.userName()));
        if (old.email() != null) {
            userIdByEmail.remove(lower(old.email()));
        }
        for (String teamId : List.copyOf(teamIdsByUser.getOrDefault(id, Set.of()))) {
            Team team = teams.get(teamId);
            Map<String, String> members = new LinkedHashMap<>(team.members());
            members.remove(id);
            putTeam(team.withMembers(members).touched(now));
        }
    }

    /** Gives a user a new version, e.g. because its teams changed. */
    void touchUser(String id, Instant now) {
        User user = users.get(id);
        if (user != null) {
            putUser(user.touched(now));
        }
    }

    Team team(String id) {
        Team team = teams.get(id);
        if (team == null) {
            throw ScimException.notFound("Group " + id + " not found");
        }
        return team;
    }

    Team teamByName(String name) {
        return name == null ? null : teams.get(teamIdByName.get(lower(name)));
    }

    void putTeam(Team team) {
        Team old = teams.put(team.id(), team);
        if (old != null) {
            teamIdByName.remove(lower(old.name()));
            forgetMembers(old);
        } else {
            teamOrder.put(team.id(), teamsCreated++);
        }
        teamIdByName.put(lower(team.name()), team.id());
        for (String userId : team.members().keySet()) {
            teamIdsByUser.computeIfAbsent(userId, u -> new HashSet<>(4)).add(team.id());
        }
    }

    void removeTeam(String id) {
        Team old = teams.remove(id);
        if (old != null) {
            teamIdByName.remove(lower(old.name()));
            teamOrder.remove(id);
            serviceAccounts.remove(id);
            forgetMembers(old);
        }
    }

    private void forgetMembers(Team team) {
        for (String userId : team.members().keySet()) {
            Set<String> ids = teamIdsByUser.get(userId);
            if (ids != null && ids.remove(team.id()) && ids.isEmpty()) {
                teamIdsByUser.remove(userId);
            }
        }
    }

    /** A team's service accounts, oldest first. */
    List<ServiceAccount> serviceAccounts(String teamId) {
        return List.copyOf(serviceAccounts.getOrDefault(teamId, List.of()));
    }

    /** Every team's service accounts. */
    List<ServiceAccount> allServiceAccounts() {
        return serviceAccounts.values().stream().flatMap(List::stream).toList();
    }

    void addServiceAccount(ServiceAccount account) {
        serviceAccounts.computeIfAbsent(account.teamId(), t -> new ArrayList<>()).add(account);
    }

    Role role(String id) {
        Role role = roles.get(id);
        if (role == null) {
            throw ScimException.notFound("Role " + id + " not found");
        }
        return role;
    }

    /** The custom role with exactly this name, or null. */
    Role roleByName(String name) {
        return roles.values().stream().filter(role -> role.name().equals(name)).findFirst().orElse(null);
    }

    void putRole(Role role) {
        roles.put(role.id(), role);
    }

    void removeRole(String id) {
        roles.remove(id);
    }

    /** The name shown for a team role key: the built-in name, or the custom role's current name. */
    String roleName(String key) {
        Role role = roles.get(key);
        return role == null ? key : role.name();
    }

    /** The user's team roles, team id to role key, in team creation order. */
    Map<String, String> teamRolesOf(String userId) {
        Set<String> teamIds = teamIdsByUser.getOrDefault(userId, Set.of());
        Map<String, String> result = new LinkedHashMap<>();
        teamIds.stream().sorted(Comparator.comparing(teamOrder::get))
                .forEach(teamId -> result.put(teamId, teams.get(teamId).members().get(userId)));
        return result;
    }

    UserView view(User user) {
        List<UserView.Membership> memberships = new ArrayList<>();
        teamRolesOf(user.id()).forEach((teamId, key) ->
                memberships.add(new UserView.Membership(teamId, teams.get(teamId).name(), roleName(key))));
        return new UserView(user, memberships);
    }

    TeamView view(Team team) {
        List<TeamView.Member> members = new ArrayList<>();
        for (String userId : team.members().keySet()) {
            User user = users.get(userId);
            members.add(new TeamView.Member(userId, user == null ? null : user.userName()));
        }
        return new TeamView(team, members);
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
