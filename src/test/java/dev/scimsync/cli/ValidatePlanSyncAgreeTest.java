package dev.scimsync.cli;

import dev.scimsync.input.InvisibleCharacters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code validate}, {@code plan} and {@code sync} agree on every row of every kind of input: the same lines are
 * invalid, with the same exit code, for each class of bad value an export brings (invisible characters, over-long
 * values, huge cells, rows that repeat a key with the same or other values, rows of the wrong width), mixed among
 * valid rows; and a file that cannot be read is rejected by {@code validate} and {@code plan} with the same message.
 * Beyond users files only {@code plan} is compared ({@code sync} loads and plans the same way, as the users cases
 * show), to keep the class to a few minutes.
 */
class ValidatePlanSyncAgreeTest {

    private static final Pattern VALIDATE_LINE = Pattern.compile("users\\.csv line (\\d+)");
    private static final Pattern RESULTS_LINE = Pattern.compile("^[^,]*users\\.csv,(\\d+),.*,invalid,");

    @TempDir
    Path dir;

    record BadClass(String name, IntFunction<String> row) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<BadClass> classes() {
        List<Integer> forbidden = InvisibleCharacters.forbidden();
        return List.of(
                new BadClass("invisible character in the email", i -> "u" + i + "@example.com"
                        + Character.toString(forbidden.get(i * 7 % forbidden.size())) + ",u" + i + ",,"),
                new BadClass("invisible character in the username", i -> "u" + i + "@example.com,u"
                        + Character.toString(forbidden.get(i * 11 % forbidden.size())) + i + ",,"),
                new BadClass("email over 254 characters", i -> "u" + i + "x".repeat(250) + "@example.com,,,"),
                new BadClass("display name of 2 MB", i -> "u" + i + "@example.com,,\"" + "N".repeat(2_000_000)
                        + "\","),
                new BadClass("name and address", i -> "\"U " + i + " <u" + i + "@example.com>\",,,"),
                new BadClass("disagreeing duplicate", i -> "valid" + i + "@example.com,,,viewer"),
                new BadClass("exact duplicate", i -> "valid" + i + "@example.com,,,"));
    }

    @ParameterizedTest
    @MethodSource("classes")
    void validatePlanAndSyncFindTheSameInvalidLines(BadClass bad) throws IOException {
        StringBuilder users = new StringBuilder("email,username,display_name,org_role\n");
        for (int i = 1; i <= 12; i++) {
            users.append("valid").append(i).append("@example.com,,,\n");
            if (i % 3 == 0) {
                users.append(bad.row().apply(i)).append('\n');
            }
        }
        Files.writeString(dir.resolve("users.csv"), users);
        Path job = dir.resolve("job.yml");
        Files.writeString(job, "target: { url: embedded }\ninputs: { users: " + dir.resolve("users.csv") + " }\n"
                + "out: " + dir.resolve("reports") + "\n");
        String stateDb = "jdbc:h2:file:" + dir.resolve("state") + ";WRITE_DELAY=0";

        Cli validate = Cli.run("validate", job.toString());
        Cli plan = Cli.run("plan", job.toString(), "--state-db", stateDb, "--out", dir.resolve("plan").toString());
        Cli sync = Cli.run("sync", job.toString(), "--state-db", stateDb, "--out", dir.resolve("sync").toString());

        Set<Long> fromValidate = lines(VALIDATE_LINE, validate.out);
        assertThat(fromValidate).as(validate.toString()).isNotEmpty();
        assertThat(validate.exitCode).as(validate.toString()).isEqualTo(1);
        assertThat(plan.exitCode).as(plan.toString()).isEqualTo(1);
        assertThat(sync.exitCode).as(sync.toString()).isEqualTo(1);
        assertThat(invalidLines(dir.resolve("plan"))).as("plan").isEqualTo(fromValidate);
        assertThat(invalidLines(dir.resolve("sync"))).as("sync").isEqualTo(fromValidate);
    }

    /**
     * A class of bad rows of one input kind. The job also names a valid users file listing valid1..valid12, so that
     * memberships name users the plan knows (a membership of an unknown user is a rule that needs the target, and
     * {@code validate}, being offline, leaves it to the plan).
     */
    record BadRow(String kind, String header, IntFunction<String> valid, String name, IntFunction<String> row) {
        @Override
        public String toString() {
            return kind + ": " + name;
        }
    }

    static List<BadRow> otherKinds() {
        List<Integer> forbidden = InvisibleCharacters.forbidden();
        IntFunction<String> team = i -> "team" + i;
        IntFunction<String> member = i -> "t" + i % 3 + ",valid" + i + "@example.com,member";
        IntFunction<String> role = i -> "role" + i + "x,member,run:stop,stops runs";
        return List.of(
                new BadRow("teams", "team", team, "invisible character",
                        i -> "team" + Character.toString(forbidden.get(i * 7 % forbidden.size())) + i),
                new BadRow("teams", "team", team, "duplicate in other case", i -> "TEAM" + i),
                new BadRow("teams", "team", team, "two fields", i -> "x" + i + ",y"),
                new BadRow("memberships", "team,email,role", member, "invisible character in the email",
                        i -> "t1,valid" + i + "@example.com" + Character.toString(forbidden.get(i * 5
                                % forbidden.size())) + ",member"),
                new BadRow("memberships", "team,email,role", member, "not an email", i -> "t1,nobody" + i + ","),
                new BadRow("memberships", "team,email,role", member, "disagreeing duplicate",
                        i -> "t" + i % 3 + ",VALID" + i + "@example.com,admin"),
                new BadRow("memberships", "team,email,role", member, "exact duplicate", member),
                new BadRow("memberships", "team,email,role", member, "four fields",
                        i -> "t1,valid" + i + "@example.com,member,extra"),
                new BadRow("roles", "name,inherited_from,permissions,description", role, "invalid permission",
                        i -> "bad" + i + ",member,RUN-STOP,"),
                new BadRow("roles", "name,inherited_from,permissions,description", role, "unknown inherited role",
                        i -> "bad" + i + ",admin,run:stop,"),
                new BadRow("roles", "name,inherited_from,permissions,description", role, "disagreeing duplicate",
                        i -> "role" + i + "x,viewer,run:stop,stops runs"));
    }

    @ParameterizedTest
    @MethodSource("otherKinds")
    void validatePlanAndSyncFindTheSameInvalidLinesInEveryKindOfInput(BadRow bad) throws IOException {
        StringBuilder users = new StringBuilder("email,username,display_name,org_role\n");
        StringBuilder file = new StringBuilder(bad.header()).append('\n');
        for (int i = 1; i <= 12; i++) {
            users.append("valid").append(i).append("@example.com,,,\n");
            file.append(bad.valid().apply(i)).append('\n');
            if (i % 3 == 0) {
                file.append(bad.row().apply(i)).append('\n');
            }
        }
        Files.writeString(dir.resolve("users.csv"), users);
        Files.writeString(dir.resolve(bad.kind() + ".csv"), file);
        Path job = dir.resolve("job.yml");
        Files.writeString(job, "target: { url: embedded }\ninputs: { users: " + dir.resolve("users.csv") + ", "
                + bad.kind() + ": " + dir.resolve(bad.kind() + ".csv") + " }\nout: " + dir.resolve("reports") + "\n");
        String stateDb = "jdbc:h2:file:" + dir.resolve("state") + ";WRITE_DELAY=0";

        Cli validate = Cli.run("validate", job.toString());
        Cli plan = Cli.run("plan", job.toString(), "--state-db", stateDb, "--out", dir.resolve("plan").toString());

        Pattern shown = Pattern.compile(Pattern.quote(bad.kind() + ".csv") + " line (\\d+)");
        Set<Long> fromValidate = lines(shown, validate.out);
        // the four bad rows; a duplicate that disagrees makes its first row invalid too
        assertThat(fromValidate).as(validate.toString()).hasSizeBetween(4, 8);
        assertThat(validate.exitCode).as(validate.toString()).isEqualTo(1);
        assertThat(validate.out).as("no multi-megabyte echo of a huge cell").hasSizeLessThan(20_000);
        assertThat(plan.exitCode).as(plan.toString()).isEqualTo(1);
        assertThat(invalidLines(dir.resolve("plan"), bad.kind())).as("plan").isEqualTo(fromValidate);
        assertThat(invalidLines(dir.resolve("plan"), "users")).as("the users file is valid").isEmpty();
        // validate writes the failed rows as the plan does, under the file's own header, with their reasons
        assertThat(failedRowLines(dir.resolve("reports"), bad.kind()))
                .isEqualTo(failedRowLines(dir.resolve("plan"), bad.kind())).hasSize(fromValidate.size());
    }

    @Test
    void aJobWithoutAUsersFileHasItsOtherInputsChecked() throws IOException {
        Files.writeString(dir.resolve("teams.csv"), "team\nresearch\nresearch\nplat\u200Bform\n");
        Path job = dir.resolve("job.yml");
        Files.writeString(job, "target: { url: embedded }\ninputs: { teams: " + dir.resolve("teams.csv")
                + " }\nout: " + dir.resolve("reports") + "\n");

        Cli validate = Cli.run("validate", job.toString());

        assertThat(validate.exitCode).as(validate.toString()).isEqualTo(1);
        assertThat(validate.out).doesNotContain("no users file")
                .contains(dir.resolve("teams.csv") + " line 3, column team: duplicate team")
                .contains(dir.resolve("teams.csv") + " line 4, column team:").contains("U+200B")
                .contains(dir.resolve("teams.csv") + ": 3 rows, 1 valid, 2 invalid");
        assertThat(failedRowLines(dir.resolve("reports"), "teams")).hasSize(2);
    }

    /**
     * Ways a file cannot be read at all: each stops the run before any row is loaded. Every way is tried on two
     * kinds of input and every kind gets two ways (all twenty pairs would take minutes for no more coverage).
     */
    static Stream<Arguments> unreadableFiles() {
        List<Arguments> cases = new ArrayList<>();
        List<String> kinds = List.of("users", "teams", "memberships", "roles");
        for (String kind : kinds) {
            String header = switch (kind) {
                case "users" -> "email";
                case "teams" -> "team";
                case "memberships" -> "team,email,role";
                default -> "name,inherited_from,permissions,description";
            };
            List<Arguments> ways = List.of(
                    Arguments.of(kind, "NUL bytes", (header + "\nab\u0000\u0001\u0002cd\n")
                            .getBytes(StandardCharsets.UTF_8)),
                    Arguments.of(kind, "UTF-16", (header + "\nx\n").getBytes(StandardCharsets.UTF_16)),
                    Arguments.of(kind, "Latin-1", (header + "\nJos\u00e9\n").getBytes(StandardCharsets.ISO_8859_1)),
                    Arguments.of(kind, "no key column", "unrelated\nx\n".getBytes(StandardCharsets.UTF_8)),
                    Arguments.of(kind, "quote never closed", (header + "\n\"x\n").getBytes(StandardCharsets.UTF_8)));
            int k = kinds.indexOf(kind);
            cases.add(ways.get(k % ways.size()));
            cases.add(ways.get((k + 2) % ways.size()));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("unreadableFiles")
    void anUnreadableFileIsRejectedByValidateAsByPlan(String kind, String how, byte[] content) throws IOException {
        Path input = Files.write(dir.resolve(kind + ".csv"), content);
        Path job = dir.resolve("job.yml");
        Files.writeString(job, "target: { url: embedded }\ninputs: { " + kind + ": " + input + " }\nout: "
                + dir.resolve("reports") + "\n");

        Cli validate = Cli.run("validate", job.toString());
        Cli plan = Cli.run("plan", job.toString(), "--state-db", "jdbc:h2:file:" + dir.resolve("state"));

        assertThat(validate.exitCode).as(validate.toString()).isEqualTo(5);
        assertThat(plan.exitCode).as(plan.toString()).isEqualTo(5);
        assertThat(validate.err).as(validate.toString()).contains(input.toString())
                .doesNotContain("Exception", "\tat ");
        assertThat(validate.err.lines().filter(l -> l.startsWith("scim-sync: ")).toList())
                .isEqualTo(plan.err.lines().filter(l -> l.startsWith("scim-sync: ")).toList());
    }

    /** The data lines of failed-KIND.csv in the one run folder under {@code reports}. */
    private static List<String> failedRowLines(Path reports, String kind) throws IOException {
        List<String> lines = Files.readAllLines(onlyRun(reports).resolve("failed-" + kind + ".csv"));
        return lines.subList(1, lines.size());
    }

    private static Path onlyRun(Path reports) throws IOException {
        try (var list = Files.list(reports)) {
            return list.reduce((a, b) -> {
                throw new AssertionError("more than one run in " + reports);
            }).orElseThrow();
        }
    }

    /** The invalid lines of one input in results.csv of the one run whose out dir is {@code reports}. */
    private static Set<Long> invalidLines(Path reports, String kind) throws IOException {
        Pattern results = Pattern.compile("^[^,]*" + Pattern.quote(kind + ".csv") + ",(\\d+),.*,invalid,");
        Set<Long> lines = new TreeSet<>();
        for (String line : Files.readAllLines(onlyRun(reports).resolve("results.csv"))) {
            Matcher m = results.matcher(line);
            if (m.find()) {
                lines.add(Long.parseLong(m.group(1)));
            }
        }
        return lines;
    }

    /** The invalid lines in results.csv of the one run whose out dir is {@code reports}. */
    private static Set<Long> invalidLines(Path reports) throws IOException {
        Path run;
        try (var list = Files.list(reports)) {
            run = list.reduce((a, b) -> {
                throw new AssertionError("more than one run in " + reports);
            }).orElseThrow();
        }
        Set<Long> lines = new TreeSet<>();
        for (String line : Files.readAllLines(run.resolve("results.csv"))) {
            Matcher m = RESULTS_LINE.matcher(line);
            if (m.find()) {
                lines.add(Long.parseLong(m.group(1)));
            }
        }
        return lines;
    }

    private static Set<Long> lines(Pattern pattern, String text) {
        Set<Long> lines = new TreeSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            lines.add(Long.parseLong(m.group(1)));
        }
        return lines;
    }
}
