package dev.scimsync.cli;

import dev.scimsync.job.ExitCodes;
import dev.scimsync.state.JobLockedException;
import dev.scimsync.state.JobLocks;
import dev.scimsync.state.TestPostgres;
import dev.scimsync.state.TestPostgresSchemas;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two runs of one job never overlap: with H2 the second process cannot open the database file; with PostgreSQL
 * the second run finds the job's advisory lock taken and exits 4 at once. The PostgreSQL half needs a server.
 */
class OverlappingRunsTest {

    @TempDir
    Path dir;

    @AfterEach
    void forgetCredentials() {
        TestPostgres.forgetCredentials();
    }

    @Test
    void aSecondProcessOnTheSameH2FileIsToldAnotherRunIsUsingIt() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("state");
        Path job = job();
        // this JVM holds the file open, as a running scim-sync process would
        try (var held = java.sql.DriverManager.getConnection(url)) {
            Process second = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "dev.scimsync.ScimSyncApplication",
                    "sync", job.toString(), "--state-db", url).redirectErrorStream(true).start();
            String output = new String(second.getInputStream().readAllBytes());
            assertThat(second.waitFor()).as(output).isEqualTo(ExitCodes.ABORTED);
            assertThat(output).contains("another scim-sync run is using it");
        }
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
