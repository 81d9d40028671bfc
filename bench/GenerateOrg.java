import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a large, deterministic organisation as scim-sync input CSVs (JDK only, run as a single-file program):
 * {@code java bench/GenerateOrg.java <dir> <users> <teams> <memberships> <roles>}.
 *
 * <p>Exactly what {@code scim-sync emulator --seed-org users=U,teams=T,memberships=M,roles=R} holds (see
 * {@code dev.scimsync.emulator.GeneratedOrg}), so a plan of these files against that emulator has nothing to do:
 * user {@code i} is {@code user<i>@example.com} (user 0 an org admin, every other a member), team {@code t} is
 * {@code team-<t>}, membership {@code k} puts user {@code k % U} in team {@code (k % U + k / U) % T} as
 * {@code admin} when {@code k % 10 == 0}, as custom role {@code bench-role-<(k / 10) % R>} when
 * {@code k % 10 == 1} and there are roles, else as {@code member}; role {@code r} is {@code bench-role-<r>},
 * inherited from member, with permission {@code run:stop}.
 */
public class GenerateOrg {

    public static void main(String[] args) throws IOException {
        if (args.length != 5) {
            System.err.println("usage: java bench/GenerateOrg.java <dir> <users> <teams> <memberships> <roles>");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        int users = Integer.parseInt(args[1]);
        int teams = Integer.parseInt(args[2]);
        int memberships = Integer.parseInt(args[3]);
        int roles = Integer.parseInt(args[4]);
        if (memberships > 0 && (teams == 0 || (long) users * teams < memberships)) {
            throw new IllegalArgumentException("memberships must be at most users * teams");
        }
        Files.createDirectories(dir);
        try (BufferedWriter out = writer(dir.resolve("users.csv"))) {
            out.write("email,username,display_name,org_role,active\n");
            for (int i = 0; i < users; i++) {
                out.write("user" + i + "@example.com,user" + i + ",User " + i + "," + (i == 0 ? "admin" : "member")
                        + ",true\n");
            }
        }
        try (BufferedWriter out = writer(dir.resolve("teams.csv"))) {
            out.write("team\n");
            for (int t = 0; t < teams; t++) {
                out.write("team-" + t + "\n");
            }
        }
        try (BufferedWriter out = writer(dir.resolve("memberships.csv"))) {
            out.write("team,email,role\n");
            for (int k = 0; k < memberships; k++) {
                int user = k % users;
                int team = (int) (((long) user + k / users) % teams);
                String role = k % 10 == 0 ? "admin" : k % 10 == 1 && roles > 0 ? "bench-role-" + (k / 10) % roles
                        : "member";
                out.write("team-" + team + ",user" + user + "@example.com," + role + "\n");
            }
        }
        try (BufferedWriter out = writer(dir.resolve("roles.csv"))) {
            out.write("name,inherited_from,permissions,description\n");
            for (int r = 0; r < roles; r++) {
                out.write("bench-role-" + r + ",member,run:stop,Benchmark role " + r + "\n");
            }
        }
        System.out.println("wrote " + users + " users, " + teams + " teams, " + memberships + " memberships, "
                + roles + " roles to " + dir);
    }

    private static BufferedWriter writer(Path file) throws IOException {
        return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }
}
