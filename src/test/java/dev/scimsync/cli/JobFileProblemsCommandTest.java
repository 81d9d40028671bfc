package dev.scimsync.cli;

import dev.scimsync.job.ExitCodes;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A job file with several mistakes: every command that reads it names them all, one line each, and exits 2. */
@Timeout(120)
class JobFileProblemsCommandTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"plan", "sync", "validate"})
    void everyMistakeIsOneLineNamingTheJobFileByItsAbsolutePath(String command) throws IOException {
        Path job = Files.writeString(Files.createDirectories(dir.resolve("jobs")).resolve("nightly.yml"), """
                target:
                  url: embedded
                  token: abc
                inputs:
                  users: users.csv
                  teams: [a.csv]
                policy:
                  absent-users: nuke
                limits:
                  chunk-size: 0
                  concurency: 4
                """);
        Path relative = Path.of("").toAbsolutePath().relativize(job);

        Cli cli = command.equals("validate") ? Cli.run(command, relative.toString())
                : Cli.run(command, relative.toString(), "--state-db", "jdbc:h2:file:" + dir.resolve("state"));

        assertThat(cli.exitCode).as(cli.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.out).isEmpty();
        String at = "scim-sync: " + job.toAbsolutePath().normalize() + ": ";
        assertThat(cli.err.lines().toList()).containsExactly(
                at + "target.token is not allowed: secrets never go in job files; put the key in an environment"
                        + " variable and name that variable with token-env (line 3, column 3)",
                at + "inputs.teams must be a single value, not a list or mapping (line 6, column 3)",
                at + "policy.absent-users must be one of report, deactivate, remove, ignore (was 'nuke') (line 8, column 17)",
                at + "unknown key 'limits.concurency' (line 11, column 3); expected one of chunk-size, concurrency,"
                        + " requests-per-second, max-error-rate, max-attempts, connect-timeout, read-timeout",
                at + "limits.chunk-size must be between 1 and 10000 (was 0)");
        assertThat(List.of(cli.err)).noneMatch(e -> e.contains("Exception") || e.contains("\tat "));
    }
}
