package dev.scimsync.cli;

import dev.scimsync.job.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Paths written relative to the working directory (job file, inputs, out dir) appear absolute and normalised in
 * what a run prints and writes, so a cron mail or a results.csv read later says which file it means.
 */
@Timeout(180)
class AbsolutePathsTest {

    private static final Path CWD = Path.of("").toAbsolutePath();

    @TempDir
    Path dir;

    @Test
    void aRowErrorAndTheReportsLineNameTheFilesByTheirAbsolutePaths() throws IOException {
        Path users = Files.writeString(dir.resolve("users.csv"), "email,username,display_name,org_role,active\n"
                + "ops-admin@example.com,ops-admin,Ops Admin,admin,true\nnot-an-email,x,,,\n");
        Path job = job(users);

        Cli cli = Cli.run("sync", relative(job), "--state-db", "jdbc:h2:file:" + dir.resolve("state"));

        assertThat(cli.exitCode).as(cli.toString()).isEqualTo(ExitCodes.FAILURES);
        Matcher reports = Pattern.compile("reports: (\\S+)").matcher(cli.out);
        assertThat(reports.find()).as(cli.out).isTrue();
        Path runDir = Path.of(reports.group(1));
        assertThat(runDir).isAbsolute().startsWith(dir.resolve("reports")).isEqualTo(runDir.normalize());
        List<String> results = Files.readAllLines(runDir.resolve("results.csv"));
        assertThat(results).anySatisfy(line -> assertThat(line).startsWith(users + ",3,").contains("invalid"));
        assertThat(results.subList(1, results.size())).allSatisfy(line -> assertThat(line).startsWith(users + ","));
    }

    @Test
    void validateNamesTheInputByItsAbsolutePath() throws IOException {
        Path users = Files.writeString(dir.resolve("users.csv"), "email,username,display_name,org_role,active\n"
                + "not-an-email,x,,,\n");

        Cli cli = Cli.run("validate", relative(job(users)));

        assertThat(cli.exitCode).as(cli.toString()).isEqualTo(ExitCodes.FAILURES);
        assertThat(cli.out.lines()).anySatisfy(line -> assertThat(line).startsWith(users + " line 2"))
                .anySatisfy(line -> assertThat(line).startsWith(users + ": 1 rows"));
    }

    @Test
    void aMissingInputIsRejectedNamingItsAbsolutePath() throws IOException {
        Path users = dir.resolve("exports/../users.csv");

        Cli sync = Cli.run("sync", relative(job(users)), "--state-db", "jdbc:h2:file:" + dir.resolve("state"));
        Cli validate = Cli.run("validate", relative(job(users)));

        for (Cli cli : List.of(sync, validate)) {
            assertThat(cli.exitCode).as(cli.toString()).isEqualTo(ExitCodes.INPUT_REJECTED);
            assertThat(cli.err).as(cli.toString()).contains(dir.resolve("users.csv").toString())
                    .doesNotContain("exports", "Exception");
        }
    }

    /** A job file naming {@code users} and the out dir by paths relative to the working directory. */
    private Path job(Path users) throws IOException {
        return Files.writeString(dir.resolve("nightly.yml"), """
                target: { url: embedded }
                inputs: { users: %s }
                out: %s
                """.formatted(relative(users), relative(dir.resolve("reports"))));
    }

    private static String relative(Path path) {
        return CWD.relativize(path).toString();
    }
}
