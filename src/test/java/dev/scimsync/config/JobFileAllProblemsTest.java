package dev.scimsync.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job file with several mistakes gets them all in one run, each naming its key (and its line where the mistake is
 * in how the file is written), and nothing else: a rejected value is not reported a second time as missing.
 */
@Timeout(60)
class JobFileAllProblemsTest {

    /** A mistake: lines to add to sections, and what its problem line says. */
    private record Mistake(Map<String, String> lines, String says, boolean located) {
        static Mistake of(String section, String line, String says, boolean located) {
            return new Mistake(Map.of(section, line), says, located);
        }
    }

    private static final List<String> SECTIONS = List.of("target", "inputs", "policy", "limits");

    private static final List<Mistake> MISTAKES = List.of(
            Mistake.of("", "tagret: x", "unknown key 'tagret'", true),
            Mistake.of("", "name: my job", "name must be 1 to 100 letters, digits, '-', '_' or '.' (was 'my job')", false),
            Mistake.of("target", "dilect: wandb", "unknown key 'target.dilect'", true),
            Mistake.of("target", "token: abc", "target.token is not allowed: secrets never go in job files", true),
            Mistake.of("target", "auth: digest", "target.auth must be one of basic, bearer (was 'digest')", false),
            Mistake.of("inputs", "users: [a.csv, b.csv]", "inputs.users must be a single value, not a list or mapping", true),
            Mistake.of("inputs", "columns: { users: { mail: E-mail } }", "inputs.columns.users.mail is not a column of users", false),
            Mistake.of("policy", "absent-users: nuke", "policy.absent-users must be one of report, deactivate, remove, ignore (was 'nuke')", true),
            Mistake.of("policy", "max-removals: lots", "policy.max-removals must be a count like 10 or a percentage like 5% (was 'lots')", true),
            Mistake.of("policy", "protected-users: ops@example.com", "policy.protected-users must be a list", true),
            Mistake.of("limits", "chunk-size: many", "limits.chunk-size must be a whole number (was 'many')", true),
            Mistake.of("limits", "concurrency: 1.5", "limits.concurrency must be a whole number (was 1.5)", true),
            Mistake.of("limits", "requests-per-second: { a: 1 }", "limits.requests-per-second must be a number", true),
            Mistake.of("limits", "max-error-rate: 2", "limits.max-error-rate must be", false),
            new Mistake(Map.of("target", "dialect: scim2", "inputs", "roles: roles.csv"),
                    "inputs.roles: the scim2 dialect has no custom roles", false));

    @TempDir
    Path dir;

    @Test
    void everyMistakeAloneIsOneProblem() {
        for (Mistake mistake : MISTAKES) {
            assertProblems(List.of(mistake));
        }
    }

    @Test
    void everyPairOfMistakesIsReportedTogether() {
        for (int i = 0; i < MISTAKES.size(); i++) {
            for (int j = i + 1; j < MISTAKES.size(); j++) {
                assertProblems(List.of(MISTAKES.get(i), MISTAKES.get(j)));
            }
        }
    }

    @Test
    void allMistakesAtOnceAreAllReported() {
        assertProblems(MISTAKES);
    }

    @Test
    void theJobFileIsNamedByItsAbsolutePathHoweverItWasGiven() {
        Path file = new JobFileFixture(dir).write("jobs/demo.yml", "target: { url: ftp://x }\ninputs: { users: u.csv }\n");
        Path cwd = Path.of("").toAbsolutePath();
        for (Path given : List.of(file, cwd.relativize(file), cwd.relativize(file.getParent()).resolve("./../jobs/demo.yml"))) {
            ConfigException e = catchThrowableOfType(ConfigException.class, () -> JobFiles.load(given, null));

            assertThat(e.problems()).as("given as %s", given).containsExactly(file.toAbsolutePath().normalize()
                    + ": target.url must be 'embedded' or an absolute http/https URL (was 'ftp://x')");
        }
    }

    private void assertProblems(List<Mistake> mistakes) {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        sections.put("", new ArrayList<>());
        SECTIONS.forEach(s -> sections.put(s, new ArrayList<>()));
        sections.get("target").add("url: embedded");
        sections.get("inputs").add("teams: teams.csv");
        mistakes.forEach(m -> m.lines().forEach((section, line) -> sections.get(section).add(line)));
        List<String> file = new ArrayList<>();
        Map<String, Integer> lineOf = new LinkedHashMap<>();
        sections.forEach((section, lines) -> {
            if (!section.isEmpty() && !lines.isEmpty()) {
                file.add(section + ":");
            }
            for (String line : lines) {
                file.add(section.isEmpty() ? line : "  " + line);
                lineOf.put(line, file.size());
            }
        });
        String yaml = String.join("\n", file) + "\n";
        Path job = new JobFileFixture(dir).write("jobs/demo.yml", yaml);

        ConfigException e = catchThrowableOfType(ConfigException.class, () -> JobFiles.load(job, null));

        assertThat(e).as(yaml).isNotNull();
        assertThat(e.problems()).as(yaml).hasSize(mistakes.size()).allSatisfy(p -> assertThat(p).startsWith(job + ": "));
        for (Mistake m : mistakes) {
            String line = m.lines().values().iterator().next();
            assertThat(e.problems()).as(yaml).anySatisfy(p -> {
                assertThat(p).contains(m.says());
                if (m.located()) {
                    assertThat(p).contains("(line " + lineOf.get(line) + ", column ");
                }
            });
        }
    }
}
