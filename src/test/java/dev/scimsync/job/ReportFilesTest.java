package dev.scimsync.job;

import dev.scimsync.config.JobConfig;
import dev.scimsync.input.InputGuard;
import dev.scimsync.report.RunSummary;
import dev.scimsync.report.StepTiming;
import dev.scimsync.state.RunRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The files a run leaves in its out dir, for an input with bad rows. */
class ReportFilesTest extends DemoOrgJobTest {

    static final String BAD_ROWS = """
            Work Email,Full Name,org_role,Notes
            ops-admin@example.com,Ops Admin,admin,keeps the lights on
            <img src=x onerror=alert(1)>,=cmd|' /C calc'!A0,member,typo in the email
            dana@example.com,Dana Fox,owner,role that does not exist
            alice@example.com,Alice Ng,member,,unquoted, comma
            """;

    @Autowired
    RunRepository runs;

    @Test
    void failedRowsComeBackInTheInputsFormatAndFeedBackCleanlyOnceFixed() throws IOException {
        Path users = write("users.csv", BAD_ROWS);

        RunResult first = runner.start(RunMode.SYNC, config(users), null);

        assertThat(first.exitCode()).isEqualTo(ExitCodes.FAILURES);
        assertThat(first.rowCounts()).containsEntry("invalid", 3L);
        List<String> failed = Files.readAllLines(first.outDir().resolve("failed-users.csv"));
        assertThat(failed).containsExactly(
                "Work Email,Full Name,org_role,Notes,reason",
                "<img src=x onerror=alert(1)>,'=cmd|' /C calc'!A0,member,typo in the email,\"Work Email: invalid"
                        + " email '<img src=x onerror=alert(1)>': contains a space (one address per cell, without a"
                        + " name)\"",
                "dana@example.com,Dana Fox,owner,role that does not exist,\"org_role: unknown org role 'owner'"
                        + " (expected admin, member or viewer)\"",
                "alice@example.com,Alice Ng,member,,unquoted,\" comma\",\"expected 4 fields, found 6\"");

        assertThat(Files.readAllLines(first.outDir().resolve("drift.csv"))).hasSize(3)
                .anyMatch(l -> l.matches("user,bob@example.com,[^,]+,unmanaged,active; org_role=member;"
                        + " display_name=Bob Stone,absent-users: report,reported,"))
                .anyMatch(l -> l.startsWith("user,legacy@example.com,"));
        assertThat(Files.readAllLines(first.outDir().resolve("blocked.csv")))
                .containsExactly("action,key,line,target_id,before,after,reason");

        RunSummary summary = RunSummary.fromJson(Files.readString(first.outDir().resolve("summary.json")));
        assertThat(summary.exitCode()).isEqualTo(ExitCodes.FAILURES);
        assertThat(summary.rows().get("users")).containsEntry("invalid", 3L).containsEntry("unchanged", 1L);
        assertThat(summary.inputs()).singleElement()
                .satisfies(i -> assertThat(i.sha256()).isEqualTo(InputGuard.sha256(users)));
        // the snapshot runs beside the load steps, so it may start anywhere among them
        assertThat(summary.steps()).extracting(StepTiming::name).startsWith("guard-inputs").endsWith("report")
                .filteredOn(name -> !name.equals("snapshot")).startsWith("guard-inputs", "load-roles", "load-users");
        assertThat(summary.steps()).filteredOn(s -> s.name().equals("load-users")).singleElement()
                .satisfies(s -> assertThat(s.read()).isEqualTo(4));
        assertThat(summary.files()).contains("results.csv", "failed-users.csv", "drift.csv", "blocked.csv",
                "plan.csv", "summary.json", "report.html");
        assertThat(runs.summaryJson(first.run().runId())).hasValueSatisfying(
                json -> assertThat(RunSummary.fromJson(json)).isEqualTo(summary));
        String html = Files.readString(first.outDir().resolve("report.html"));
        assertThat(html).contains("exit 1: finished, some rows or operations failed")
                .contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img").doesNotContain("://");

        String fixed = String.join("\n", failed).replace("<img src=x onerror=alert(1)>,", "zed@example.com,")
                .replace("Dana Fox,owner", "Dana Fox,viewer").replace("Alice Ng,member,,unquoted,\" comma\",", "Alice Ng,member,\"unquoted, comma\",");
        RunResult second = runner.start(RunMode.SYNC, config(write("fixed.csv", fixed + "\n")), null);

        assertThat(second.exitCode()).as(second.problem()).isEqualTo(ExitCodes.OK);
        assertThat(second.rowCounts()).containsEntry("invalid", 0L).containsEntry("failed", 0L)
                .containsEntry("created", 2L);
        assertThat(Files.readAllLines(second.outDir().resolve("failed-users.csv")))
                .containsExactly("Work Email,Full Name,org_role,Notes,reason");
    }

    @Test
    void driftAndBlockedRemovalsSayWhatThePolicyDidAboutEach() throws IOException {
        String policy = "policy: { absent-users: deactivate, max-removals: 1, max-row-drop: 100%,"
                + " protected-users: [ops-admin@example.com] }\n";
        Path users = write("users.csv", "Work Email\nops-admin@example.com\nalice@example.com\nbob@example.com\n"
                + "legacy@example.com\n");
        runner.start(RunMode.SYNC, config(users, policy), null);
        write("users.csv", "Work Email,active\nops-admin@example.com,false\nalice@example.com,true\n");

        RunResult result = runner.start(RunMode.SYNC, config(users, policy), null);

        assertThat(result.exitCode()).as(result.problem()).isEqualTo(ExitCodes.SAFETY_STOP);
        List<String> drift = Files.readAllLines(result.outDir().resolve("drift.csv"));
        assertThat(drift).hasSize(4)
                .anyMatch(l -> l.startsWith("user,bob@example.com,") && l.contains(",unmanaged,")
                        && l.contains(",absent-users: deactivate,blocked,\"removal limit: 2 deactivations"))
                .anyMatch(l -> l.startsWith("user,legacy@example.com,") && l.contains(",blocked,"))
                .anyMatch(l -> l.startsWith("user,ops-admin@example.com,") && l.contains(",protected,")
                        && l.contains(",protected-users,blocked,\"protected user: never deactivated, removed or demoted"));
        List<String> blocked = Files.readAllLines(result.outDir().resolve("blocked.csv"));
        assertThat(blocked).hasSize(4)
                .anyMatch(l -> l.startsWith("deactivate,ops-admin@example.com,2,") && l.contains("protected user"))
                .anyMatch(l -> l.startsWith("deactivate,bob@example.com,,") && l.contains("removal limit"));
    }

    @Test
    void aRejectedInputStillLeavesASummaryWithItsExitCode() throws IOException {
        RunResult result = runner.start(RunMode.SYNC, config(write("users.csv", "name\nx\n")), null);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.INPUT_REJECTED);
        RunSummary summary = RunSummary.fromJson(Files.readString(result.outDir().resolve("summary.json")));
        assertThat(summary.exitCode()).isEqualTo(ExitCodes.INPUT_REJECTED);
        assertThat(summary.problem()).contains("missing required column 'Work Email'");
        assertThat(summary.steps()).extracting(StepTiming::status).containsExactly("FAILED");
        assertThat(result.outDir().resolve("report.html")).content().contains("exit 5: input rejected");
    }

    private Path write(String name, String content) throws IOException {
        return org.file(name, content);
    }

    private JobConfig config(Path users) throws IOException {
        return config(users, "");
    }

    private JobConfig config(Path users, String extra) throws IOException {
        return org.job("inputs: { users: %s, columns: { users: { email: Work Email, display_name: Full Name } } }\n"
                .formatted(users) + extra);
    }
}
