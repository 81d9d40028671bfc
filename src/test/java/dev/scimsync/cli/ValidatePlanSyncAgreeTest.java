package dev.scimsync.cli;

import dev.scimsync.input.InvisibleCharacters;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code validate}, {@code plan} and {@code sync} agree on every row of a users file: the same lines are invalid,
 * with the same exit code, for each class of bad value an export brings (invisible characters, over-long values,
 * huge cells, rows that repeat an email with the same or other values), mixed among valid rows.
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
