package dev.scimsync.cli;

import dev.scimsync.job.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class HistoryAndReportCommandsTest {

    @TempDir
    Path dir;

    @Test
    void historyListsPastRunsNewestFirstAndReportPrintsOneRunWithItsFiles() throws IOException {
        Files.writeString(dir.resolve("users.csv"), "email,org_role\nops-admin@example.com,admin\nbad,owner\n");
        Path job = dir.resolve("job.yml");
        Files.writeString(job, "target: { url: embedded }\ninputs: { users: " + dir.resolve("users.csv") + " }\n"
                + "out: " + dir.resolve("reports") + "\n");
        String plan = runId(Cli.run("plan", job.toString(), "--state-db", stateDb()));
        String sync = runId(Cli.run("sync", job.toString(), "--state-db", stateDb()));

        Cli history = Cli.run("history", "--state-db", stateDb());

        assertThat(history.exitCode).as(history.toString()).isZero();
        String[] lines = history.out.split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).contains("start (UTC)", "run", "job", "command", "inputs (sha-256)", "exit", "rows");
        assertThat(lines[1]).contains(sync, "job", "sync", "users:", "1", "unchanged 1, invalid 1");
        assertThat(lines[2]).contains(plan, "plan", "unchanged 1, invalid 1");

        Cli report = Cli.run("report", sync, "--state-db", stateDb());

        assertThat(report.exitCode).as(report.toString()).isZero();
        assertThat(report.out).contains("run " + sync + ": sync of job job", "exit 1: finished, some rows",
                "rows: 2 - unchanged 1, invalid 1, failed 0", "users: 2 - unchanged 1, invalid 1", "step load-users", "files in " + dir.resolve("reports").resolve(sync))
                .containsPattern("report\\.html +[0-9,]+ bytes").contains("failed-users.csv", "summary.json");
    }

    @Test
    void reportOfAnUnknownRunIsAUsageError() {
        Cli report = Cli.run("report", "20990101-000000-0000", "--state-db", stateDb());

        assertThat(report.exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(report.err).contains("no run 20990101-000000-0000");
        Cli history = Cli.run("history", "--state-db", stateDb());
        assertThat(history.out).contains("no runs");
    }

    private static String runId(Cli cli) {
        Matcher run = Pattern.compile("run (\\S+) \\(job").matcher(cli.out);
        assertThat(run.find()).as(cli.toString()).isTrue();
        return run.group(1);
    }

    private String stateDb() {
        return "jdbc:h2:file:" + dir.resolve("state") + ";WRITE_DELAY=0";
    }
}
