package dev.scimsync.cli;

import dev.scimsync.job.ExitCodes;
import dev.scimsync.state.JobLockedException;
import dev.scimsync.state.JobLocks;
import dev.scimsync.state.TestPostgres;
import dev.scimsync.state.TestPostgresSchemas;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two runs of one job never overlap: with H2 the second process cannot open the database file and says so in one
 * line, exit 4; with PostgreSQL the second run finds the job's advisory lock taken and exits 4 at once. The PostgreSQL half needs a server.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class OverlappingRunsTest {

    @TempDir
    Path dir;

    @AfterEach
    void forgetCredentials() {
        TestPostgres.forgetCredentials();
    }

    /**
     * Another process holds the H2 file (this test's JVM, as a running scim-sync would); the command under test runs
     * in a JVM of its own through the real main, so what it prints on stderr is all a cron mail would hold.
     */
    @ParameterizedTest(name = "{0} with state db {1}, {2} logs")
    @MethodSource("secondProcesses")
    void aSecondProcessOnTheSameH2FilePrintsOneLineAndExits4(String command, String stateDb, String format)
            throws Exception {
        Path job = job();
        Path file = dir.resolve(".scim-sync/state");
        List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.scimsync.ScimSyncApplication", command));
        switch (command) {
            case "history", "resume" -> { }
            case "report" -> args.add("20261201-020000-0a0b");
            case "explain" -> args.add("alice@example.com");
            default -> args.add(job.toString());
        }
        if (stateDb != null) {
            args.addAll(List.of("--state-db", stateDb.replace("ABS", dir.toString())));
        }
        args.addAll(List.of("--log-format", format));
        try (var held = java.sql.DriverManager.getConnection("jdbc:h2:file:" + file)) {
            Process second = new ProcessBuilder(args).directory(dir.toFile())
                    .redirectOutput(dir.resolve("out.log").toFile()).redirectError(dir.resolve("err.log").toFile())
                    .start();
            second.getOutputStream().close();
            assertThat(second.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
            List<String> err = Files.readAllLines(dir.resolve("err.log"));

            assertThat(second.exitValue()).as(String.join("\n", err)).isEqualTo(ExitCodes.ABORTED);
            assertThat(err).containsExactly("scim-sync: another scim-sync run is using the state database " + file
                    + " (H2 allows one process at a time); try again when it has finished");
            assertThat(Files.readString(dir.resolve("out.log"))).isEmpty();
        }
    }

    static Stream<Arguments> secondProcesses() {
        return Stream.of(
                Arguments.of("sync", null, "text"),
                Arguments.of("sync", "jdbc:h2:file:./reports/../.scim-sync/state;WRITE_DELAY=0", "json"),
                Arguments.of("plan", "jdbc:h2:ABS/.scim-sync/./state", "text"),
                Arguments.of("history", null, "json"),
                Arguments.of("report", null, "text"),
                Arguments.of("explain", "jdbc:h2:ABS/.scim-sync/state", "json"),
                Arguments.of("resume", null, "text"));
    }

    @Test
    void aSecondRunOfAJobWhoseLockIsHeldOnPostgresExits4AtOnce() throws IOException {
        TestPostgres.assumeAvailable();
        String url = TestPostgresSchemas.freshSchemaUrl("overlap");
        TestPostgres.credentialsForInProcessRuns();
        Path job = job();

        try (JobLocks.Lock first = locks(url).acquire("nightly")) {
            long started = System.nanoTime();
            Cli second = Cli.run("sync", job.toString(), "--state-db", url);

            assertThat(second.exitCode).as(second.toString()).isEqualTo(ExitCodes.ABORTED);
            assertThat(second.err).contains("another run of job 'nightly' is in progress");
            assertThat(System.nanoTime() - started).as("no waiting for the lock").isLessThan(30_000_000_000L);
        }
        Cli afterwards = Cli.run("sync", job.toString(), "--state-db", url);
        assertThat(afterwards.exitCode).as(afterwards.toString()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void aJobLockOnPostgresRefusesTheSameJobOnlyAndIsFreeAgainOnceReleased() {
        TestPostgres.assumeAvailable();
        JobLocks locks = locks(TestPostgres.URL);

        try (JobLocks.Lock first = locks.acquire("job-a"); JobLocks.Lock other = locks.acquire("job-b")) {
            assertThatThrownBy(() -> locks.acquire("job-a")).isInstanceOf(JobLockedException.class)
                    .hasMessageContaining("job 'job-a'");
        }
        locks.acquire("job-a").close();
    }

    private static JobLocks locks(String url) {
        return new JobLocks(new DriverManagerDataSource(url, TestPostgres.USER, TestPostgres.PASSWORD));
    }

    private Path job() throws IOException {
        Files.writeString(dir.resolve("users.csv"), "email,username,display_name,org_role,active\n"
                + "ops-admin@example.com,ops-admin,Ops Admin,admin,true\n");
        Path job = dir.resolve("nightly.yml");
        Files.writeString(job, """
                target: { url: embedded }
                inputs: { users: %s }
                out: %s
                """.formatted(dir.resolve("users.csv"), dir.resolve("reports")));
        return job;
    }
}
