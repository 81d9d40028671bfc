package dev.scimsync.snapshot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The target's users and teams as one listing found them, indexed in memory for the plan: by id, by lower-case email
 * and userName, teams by lower-case name, and every membership as a pair of small integers in one sorted
 * {@code long[]}, so that "is this user in that team" is a binary search, not a query. About 300 bytes a user and 8
 * bytes a membership. Immutable once built; {@link SnapshotRepository} keeps it in the state database.
 */
public final class RemoteOrg {

    /** The role of a team member who has no other. */
    public static final String DEFAULT_TEAM_ROLE = "member";

    /**
     * A user as listed.
     *
     * @param orgRole   lower case, or null
     * @param teamRoles lower-case team name → role, only the roles other than {@link #DEFAULT_TEAM_ROLE}
     */
    public record User(String id, String userName, String userNameKey, String email, String emailKey,
                       String displayName, String orgRole, boolean active, Map<String, String> teamRoles) {

        public static User of(String id, String userName, String email, String displayName, String orgRole,
                              boolean active, Map<String, String> teamRoles) {
            return new User(id, userName, lower(userName), email, lower(email), displayName, lower(orgRole), active,
                    teamRoles.isEmpty() ? Map.of() : Map.copyOf(teamRoles));
        }

        /** The user's role in a team (by lower-case name): {@link #DEFAULT_TEAM_ROLE} unless another is set. */
        public String teamRole(String teamKey) {
            return teamRoles.getOrDefault(teamKey, DEFAULT_TEAM_ROLE);
        }
    }

    /** A team (SCIM group) with its members' user ids, each once, in listing order. */
    public record Group(String id, String name, String nameKey, List<String> memberIds) {
    }

    public static final RemoteOrg EMPTY = new Builder().build();

    private final List<User> users;
    private final List<Group> groups;
    private final Map<String, Integer> userIndex;
    private final Map<String, User> byEmailKey;
    private final Map<String, User> byUserNameKey;
    private final Map<String, Integer> groupIndex;
    private final Map<String, Group> groupByNameKey;
    /** (group index << 32 | user index) of every member that is a listed user, sorted */
    private final long[] memberships;

    private RemoteOrg(List<User> users, List<Group> groups) {
        this.users = users;
        this.groups = groups;
        this.userIndex = new HashMap<>(users.size() * 2);
        this.byEmailKey = new HashMap<>(users.size() * 2);
        this.byUserNameKey = new HashMap<>(users.size() * 2);
        for (int i = 0; i < users.size(); i++) {
            User u = users.get(i);
            userIndex.putIfAbsent(u.id(), i);
            if (u.emailKey() != null) {
                byEmailKey.putIfAbsent(u.emailKey(), u);
            }
            if (u.userNameKey() != null) {
                byUserNameKey.putIfAbsent(u.userNameKey(), u);
            }
        }
        this.groupIndex = new HashMap<>(groups.size() * 2);
        this.groupByNameKey = new HashMap<>(groups.size() * 2);
        int pairs = 0;
        for (int g = 0; g < groups.size(); g++) {
            Group group = groups.get(g);
            groupIndex.putIfAbsent(group.id(), g);
            groupByNameKey.putIfAbsent(group.nameKey(), group);
            pairs += group.memberIds().size();
        }
        long[] all = new long[pairs];
        int n = 0;
        for (int g = 0; g < groups.size(); g++) {
            for (String member : groups.get(g).memberIds()) {
                Integer u = userIndex.get(member);
                if (u != null) {
                    all[n++] = (long) g << 32 | u;
                }
            }
        }
        this.memberships = Arrays.copyOf(all, n);
        Arrays.sort(memberships);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Users in listing order. */
    public List<User> users() {
        return users;
    }

    /** Teams in listing order. */
    public List<Group> groups() {
        return groups;
    }

    public User userById(String id) {
        Integer i = id == null ? null : userIndex.get(id);
        return i == null ? null : users.get(i);
    }

    /** The first user listed with this lower-case email. */
    public User userByEmailKey(String emailKey) {
        return emailKey == null ? null : byEmailKey.get(emailKey);
    }

    /** The first user listed with this lower-case userName. */
    public User userByUserNameKey(String userNameKey) {
        return userNameKey == null ? null : byUserNameKey.get(userNameKey);
    }

    /** The first team listed with this lower-case name. */
    public Group groupByNameKey(String nameKey) {
        return nameKey == null ? null : groupByNameKey.get(nameKey);
    }

    /** The number of memberships whose user is a listed user. */
    public int membershipCount() {
        return memberships.length;
    }

    /**
     * The position of the membership of {@code user} in {@code group} among {@link #membershipCount()}, or -1 when
     * the user is not a member: a key for marking memberships.
     */
    public int membership(Group group, User user) {
        if (group == null || user == null) {
            return -1;
        }
        Integer g = groupIndex.get(group.id());
        Integer u = userIndex.get(user.id());
        if (g == null || u == null) {
            return -1;
        }
        int at = Arrays.binarySearch(memberships, (long) g << 32 | u);
        return at < 0 ? -1 : at;
    }

    /** The team of the membership at {@code position}. */
    public Group membershipGroup(int position) {
        return groups.get((int) (memberships[position] >>> 32));
    }

    /** The user of the membership at {@code position}. */
    public User membershipUser(int position) {
        return users.get((int) memberships[position]);
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    /** Collects a listing; {@link #build()} indexes it. */
    public static final class Builder {
        private final List<User> users = new ArrayList<>();
        private final List<Group> groups = new ArrayList<>();
        private final Map<String, String> ids = new HashMap<>();

        public Builder user(User user) {
            users.add(user);
            ids.putIfAbsent(user.id(), user.id());
            return this;
        }

        /** Adds a team; a member listed twice counts once. */
        public Builder group(String id, String name, List<String> memberIds) {
            LinkedHashSet<String> distinct = new LinkedHashSet<>(memberIds);
            List<String> members = new ArrayList<>(distinct.size());
            for (String member : distinct) {
                // the id of a listed user is kept once, however many teams it is in
                members.add(ids.getOrDefault(member, member));
            }
            groups.add(new Group(id, name, lower(name), Collections.unmodifiableList(members)));
            return this;
        }

        public RemoteOrg build() {
            return new RemoteOrg(List.copyOf(users), List.copyOf(groups));
        }
    }
}
