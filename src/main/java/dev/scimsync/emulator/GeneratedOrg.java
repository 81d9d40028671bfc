package dev.scimsync.emulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A large, deterministic organisation for benchmarks ({@code emulator --seed-org users=U,teams=T,memberships=M,roles=R}):
 * exactly what {@code bench/GenerateOrg.java} writes as CSV, so a plan of those files against it has nothing to do.
 * User {@code i} is {@code user<i>} ({@code user<i>@example.com}, "User i", org admin for i = 0, else member),
 * team {@code t} is {@code team-<t>}, membership {@code k} puts user {@code k % U} in team {@code (k % U + k / U) % T}
 * as {@code admin} when {@code k % 10 == 0}, as custom role {@code bench-role-<(k / 10) % R>} when
 * {@code k % 10 == 1} and R &gt; 0, else as {@code member}; role {@code r} is {@code bench-role-<r>}, inherited
 * from member, with the custom permission {@code run:stop}.
 *
 * @param users       number of users
 * @param teams       number of teams
 * @param memberships number of (team, user) pairs, at most users × teams
 * @param roles       number of custom roles
 */
public record GeneratedOrg(int users, int teams, int memberships, int roles) {

    public GeneratedOrg {
        if (users < 0 || teams < 0 || memberships < 0 || roles < 0) {
            throw new IllegalArgumentException("organisation sizes must not be negative");
        }
        if (memberships > 0 && (long) users * teams < memberships) {
            throw new IllegalArgumentException("memberships must be at most users × teams");
        }
    }

    /** Parses {@code users=100000,teams=2000,memberships=300000,roles=50}; a size left out is 0. */
    public static GeneratedOrg parse(String spec) {
        Map<String, Integer> sizes = new LinkedHashMap<>(Map.of("users", 0, "teams", 0, "memberships", 0, "roles", 0));
        for (String part : spec.split(",")) {
            String[] pair = part.split("=", 2);
            String name = pair[0].strip();
            if (pair.length != 2 || !sizes.containsKey(name)) {
                throw new IllegalArgumentException("--seed-org takes users=N,teams=N,memberships=N,roles=N; was "
                        + spec);
            }
            try {
                sizes.put(name, Integer.parseInt(pair[1].strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--seed-org: " + name + " must be a number, was " + pair[1]);
            }
        }
        return new GeneratedOrg(sizes.get("users"), sizes.get("teams"), sizes.get("memberships"), sizes.get("roles"));
    }

    Void seed(Org org, Instant now) {
        List<String> roleIds = new ArrayList<>(roles);
        for (int r = 0; r < roles; r++) {
            Role role = new Role(Org.newId(), "bench-role-" + r, "Benchmark role " + r, BuiltinRoles.MEMBER,
                    List.of("run:stop"), now, now, 1);
            org.putRole(role);
            roleIds.add(role.id());
        }
        String[] userIds = new String[users];
        for (int i = 0; i < users; i++) {
            User user = new User(Org.newId(), "user" + i, "User " + i, "user" + i + "@example.com", true,
                    i == 0 ? BuiltinRoles.ADMIN : BuiltinRoles.MEMBER, now, now, 1);
            org.putUser(user);
            userIds[i] = user.id();
        }
        List<Map<String, String>> members = new ArrayList<>(teams);
        for (int t = 0; t < teams; t++) {
            members.add(new LinkedHashMap<>());
        }
        for (int k = 0; k < memberships; k++) {
            int user = k % users;
            int team = (int) (((long) user + k / users) % teams);
            String role = k % 10 == 0 ? BuiltinRoles.ADMIN
                    : k % 10 == 1 && roles > 0 ? roleIds.get((k / 10) % roles) : BuiltinRoles.MEMBER;
            members.get(team).put(userIds[user], role);
        }
        for (int t = 0; t < teams; t++) {
            org.putTeam(new Team(Org.newId(), "team-" + t, members.get(t), now, now, 1));
        }
        return null;
    }
}
