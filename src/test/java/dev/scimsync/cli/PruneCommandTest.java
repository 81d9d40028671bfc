package dev.scimsync.cli;

import dev.scimsync.job.ExitCodes;
import dev.scimsync.state.JobLocks;
import dev.scimsync.state.TestPostgres;
import dev.scimsync.state.TestPostgresSchemas;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

class PruneCommandTest {

    @TempDir
    Path dir;

    @Test
    void keepsEachJobsNewestRunsAndThePlansTheyApplyAndRemovesEverythingElseOfTheOthers() throws Exception {
        Path nightly = job("nightly", "users.csv", "email,org_role\nops-admin@example.com,admin\nnew@example.com,member\n");
        Path other = job("other", "other-users.csv", "email,org_role\nops-admin@example.com,admin\n");
        String first = runId(Cli.run("sync", nightly.toString(), "--state-db", stateDb()));
        String second = runId(Cli.run("sync", nightly.toString(), "--state-db", stateDb()));
        String otherRun = runId(Cli.run("sync", other.toString(), "--state-db", stateDb()));
        String plan = runId(Cli.run("plan", nightly.toString(), "--state-db", stateDb()));
        Cli applied = Cli.run("apply", nightly.toString(), "--plan", plan, "--state-db", stateDb());
        String apply = runId(applied);
        long ledger = count("SELECT COUNT(*) FROM owned_object");
        assertThat(ledger).isPositive();

        Cli dryRun = Cli.run("prune", "--keep", "1", "--dry-run", "--state-db", stateDb());

        assertThat(dryRun.exitCode).as(dryRun.toString()).isZero();
        assertThat(dryRun.out).contains("job nightly: would remove 2 runs, kept 2: " + second + " " + first)
                .doesNotContain("job other").doesNotContain("compacted");
        assertThat(runIds()).containsExactlyInAnyOrder(first, second, otherRun, plan, apply);

        Cli prune = Cli.run("prune", "--keep", "1", "--state-db", stateDb());

        assertThat(prune.exitCode).as(prune.toString()).isZero();
        assertThat(prune.out).contains("job nightly: removed 2 runs, kept 2: " + second + " " + first,
                "compacted the H2 file");
        // the apply run is the newest of its job, and it advances its plan run's operations: both stay
        assertThat(runIds()).containsExactlyInAnyOrder(otherRun, plan, apply);
        for (String table : tablesWithARunId()) {
            assertThat(count("SELECT COUNT(*) FROM " + table + " WHERE run_id IN ('" + first + "', '" + second + "')"))
                    .as(table).isZero();
        }
        assertThat(count("SELECT COUNT(*) FROM planned_op WHERE run_id = '" + plan + "'")).isPositive();
        assertThat(count("SELECT COUNT(*) FROM owned_object")).isEqualTo(ledger);
        // one Spring Batch job instance a run: those of the removed runs are gone
        assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_INSTANCE")).isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION_PARAMS WHERE PARAMETER_VALUE IN ('" + first
                + "', '" + second + "')")).isZero();

        Cli history = Cli.run("history", "--state-db", stateDb());
        assertThat(history.out).contains(apply, plan, otherRun).doesNotContain(first).doesNotContain(second);
        Cli report = Cli.run("report", apply, "--state-db", stateDb());
        assertThat(report.exitCode).as(report.toString()).isZero();
        Cli resumeRemoved = Cli.run("resume", first, "--state-db", stateDb());
        assertThat(resumeRemoved.exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(resumeRemoved.err).contains("no run " + first);
        // and the job goes on: a new sync of it after the prune
        assertThat(Cli.run("sync", nightly.toString(), "--state-db", stateDb()).exitCode).isZero();

        Cli again = Cli.run("prune", "--keep", "5", "--state-db", stateDb());
        assertThat(again.out).contains("nothing to remove: no job has more than 5 runs");
    }

    @AfterEach
    void forgetCredentials() {
        TestPostgres.forgetCredentials();
    }

    /** On PostgreSQL a run of the job may be going on elsewhere: its lock held, the job is left alone. */
    @Test
    void onPostgresAJobWhoseLockIsHeldIsLeftAloneAndTheOthersArePruned() throws IOException {
        TestPostgres.assumeAvailable();
        String url = TestPostgresSchemas.freshSchemaUrl("prune");
        TestPostgres.credentialsForInProcessRuns();
        Path nightly = job("nightly", "users.csv", "email,org_role\nops-admin@example.com,admin\n");
        Path other = job("other", "other-users.csv", "email,org_role\nops-admin@example.com,admin\n");
        String nightly1 = runId(Cli.run("sync", nightly.toString(), "--state-db", url));
        String nightly2 = runId(Cli.run("sync", nightly.toString(), "--state-db", url));
        String other1 = runId(Cli.run("sync", other.toString(), "--state-db", url));
        String other2 = runId(Cli.run("sync", other.toString(), "--state-db", url));

        Cli prune;
        JobLocks locks = new JobLocks(new DriverManagerDataSource(url, TestPostgres.USER, TestPostgres.PASSWORD));
        try (JobLocks.Lock running = locks.acquire("nightly")) {
            prune = Cli.run("prune", "--keep", "1", "--state-db", url);
        }

        assertThat(prune.exitCode).as(prune.toString()).isEqualTo(ExitCodes.ABORTED);
        assertThat(prune.err).contains("a run of job 'nightly' is in progress (it holds the job's lock in the state database);"
                + " its runs were left as they are");
        assertThat(prune.out).contains("job other: removed 1 run, kept 1: " + other1).doesNotContain("job nightly");
        Cli history = Cli.run("history", "--state-db", url);
        assertThat(history.out).contains(nightly1, nightly2, other2).doesNotContain(other1);
        Cli later = Cli.run("prune", "--keep", "1", "--state-db", url);
        assertThat(later.exitCode).as(later.toString()).isZero();
        assertThat(later.out).contains("job nightly: removed 1 run, kept 1: " + nightly1);
    }

    @Test
    void aPruneThatStoppedAfterForgettingARunFinishesItTheNextTime() throws Exception {
        Path nightly = job("nightly", "users.csv", "email,org_role\nops-admin@example.com,admin\n");
        String first = runId(Cli.run("sync", nightly.toString(), "--state-db", stateDb()));
        String second = runId(Cli.run("sync", nightly.toString(), "--state-db", stateDb()));
        // what a prune killed after its first step leaves: the run forgotten, its staged rows still there
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO pruned_run (run_id) VALUES ('" + first + "')");
            s.executeUpdate("DELETE FROM input_file WHERE run_id = '" + first + "'");
            s.executeUpdate("DELETE FROM sync_run WHERE run_id = '" + first + "'");
        }
        assertThat(count("SELECT COUNT(*) FROM desired_user WHERE run_id = '" + first + "'")).isPositive();

        Cli prune = Cli.run("prune", "--keep", "5", "--state-db", stateDb());

        assertThat(prune.exitCode).as(prune.toString()).isZero();
        assertThat(prune.out).contains("run " + first + ": finished removing it (an earlier prune had stopped)");
        for (String table : tablesWithARunId()) {
            assertThat(count("SELECT COUNT(*) FROM " + table + " WHERE run_id = '" + first + "'")).as(table).isZero();
        }
        assertThat(runIds()).containsExactly(second);
    }

    @Test
    void keepBelowOneIsAUsageErrorAndRemovesNothing() throws IOException {
        Path nightly = job("nightly", "users.csv", "email,org_role\nops-admin@example.com,admin\n");
        String run = runId(Cli.run("sync", nightly.toString(), "--state-db", stateDb()));

        Cli prune = Cli.run("prune", "--keep", "0", "--state-db", stateDb());

        assertThat(prune.exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(prune.err).contains("--keep must be 1 or more, was 0");
        assertThat(Cli.run("history", "--state-db", stateDb()).out).contains(run);
    }

    private Path job(String name, String usersFile, String users) throws IOException {
        Files.writeString(dir.resolve(usersFile), users);
        Path job = dir.resolve(name + ".yml");
        Files.writeString(job, "target: { url: embedded }\ninputs: { users: " + dir.resolve(usersFile) + " }\n"
                + "policy: { absent-users: report }\nout: " + dir.resolve("reports") + "\n");
        return job;
    }

    private static String runId(Cli cli) {
        Matcher run = Pattern.compile("run (\\S+) \\(job").matcher(cli.out);
        assertThat(run.find()).as(cli.toString()).isTrue();
        return run.group(1);
    }

    private List<String> runIds() throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT run_id FROM sync_run")) {
            while (rs.next()) {
                ids.add(rs.getString(1));
            }
        }
        return ids;
    }

    /** Every table of the state database with a run_id column, so that a table added later is checked too. */
    private List<String> tablesWithARunId() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.COLUMNS"
                     + " WHERE TABLE_SCHEMA = 'PUBLIC' AND COLUMN_NAME = 'RUN_ID'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        assertThat(tables).contains("SYNC_RUN", "PLANNED_OP", "DESIRED_USER", "REMOTE_SNAPSHOT");
        return tables;
    }

    private long count(String sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(stateDb());
    }

    private String stateDb() {
        return "jdbc:h2:file:" + dir.resolve("state") + ";WRITE_DELAY=0";
    }
}
