package dev.scimsync.cli;

import dev.scimsync.emulator.EmulatorOptions;
import dev.scimsync.emulator.WandbEmulator;
import dev.scimsync.job.ExitCodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a person reads before and after approving a plan: the plan's summary line and the command that applies it,
 * whatever rows were invalid; counts that add up, the same in the terminal, {@code report RUN} and {@code history};
 * and a plan applied twice, which sends nothing the second time and says which run applied it.
 */
class PlanReviewCommandsTest {

    private static final Pattern RUN = Pattern.compile("run (\\S+) \\(job");
    private static final Pattern ROWS = Pattern.compile("rows: (\\d+) - (.*)");

    @TempDir
    Path dir;

    /** The demo organisation, its key the value of PATH, which every test process has. */
    WandbEmulator emulator;

    @BeforeEach
    void startEmulator() {
        emulator = WandbEmulator.start(EmulatorOptions.of(System.getenv("PATH")).withDemoOrg(true));
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
    }

    /** 0, 1 and 7 invalid rows among the valid ones: the summary and the apply command are there each time. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7})
    void thePlanSummarySaysWhatItWouldDoAndEndsWithTheApplyCommandWhateverRowsAreInvalid(int invalid)
            throws IOException {
        StringBuilder users = new StringBuilder("email,username,display_name,org_role,active\n"
                + "ops-admin@example.com,ops-admin,Ops Admin,admin,true\n"
                + "alice@example.com,alice,Alice Ng,viewer,true\n"
                + "legacy@example.com,legacy,Legacy Account,member,false\n");
        for (int i = 1; i <= 3; i++) {
            users.append("new").append(i).append("@example.com,new").append(i).append(",New ").append(i)
                    .append(",member,true\n");
        }
        for (int i = 0; i < invalid; i++) {
            users.append(List.of("not-an-email" + i + ",,,,", "x" + i + "@example.com,,,owner,",
                    "y" + i + "@example.com,,,,maybe").get(i % 3)).append('\n');
        }
        Path job = job(users.toString(), "");

        Cli plan = Cli.run("plan", job.toString(), "--state-db", stateDb());

        assertThat(plan.exitCode).as(plan.toString()).isEqualTo(invalid == 0 ? ExitCodes.OK : ExitCodes.FAILURES);
        assertThat(plan.out).contains("Plan: 3 to create, 1 to update, 1 to deactivate, 0 to remove from teams.");
        String runId = runId(plan);
        List<String> lines = plan.out.lines().toList();
        assertThat(lines.get(lines.size() - 1)).isEqualTo("review " + dir.resolve("reports").resolve(runId)
                .resolve("report.html") + ", then run: scim-sync apply " + job + " --plan " + runId);
        assertThat(plan.out).contains("invalid " + invalid);
        assertThat(emulator.counts().writes()).as("a plan changes nothing").isZero();
    }

    @Test
    void aPlanThatChangesNothingSaysSoAndOffersNothingToApply() throws IOException {
        Path job = job("email,username,display_name,org_role,active\n"
                + "ops-admin@example.com,ops-admin,Ops Admin,admin,true\n", "");

        Cli plan = Cli.run("plan", job.toString(), "--state-db", stateDb());

        assertThat(plan.exitCode).as(plan.toString()).isEqualTo(ExitCodes.OK);
        assertThat(plan.out).contains("Plan: 0 to create, 0 to update, 0 to deactivate, 0 to remove from teams.",
                "exit 0: all in sync").doesNotContain("scim-sync apply");
    }

    @Test
    void theCountsAfterRemovalsAddUpAndReportAndHistoryShowTheSame() throws IOException {
        String users = "email,username,display_name,org_role,active\n"
                + "ops-admin@example.com,ops-admin,Ops Admin,admin,true\n"
                + "new1@example.com,new1,New 1,member,true\n"
                + "new2@example.com,new2,New 2,member,true\n";
        Files.writeString(dir.resolve("memberships.csv"), "team,email,role\nresearch,new1@example.com,\n"
                + "research,new2@example.com,\nresearch,alice@example.com,\n");
        Files.writeString(dir.resolve("roles.csv"), "name,inherited_from,permissions,description\n"
                + "obsolete,member,run:stop,old\n");
        String inputs = "inputs: { memberships: " + dir.resolve("memberships.csv") + ", roles: "
                + dir.resolve("roles.csv") + " }\n";
        Path job = job(users, inputs.replace("inputs: { ", "inputs: { users: " + dir.resolve("users.csv") + ", "));
        Cli first = Cli.run("sync", job.toString(), "--state-db", stateDb());
        assertThat(first.exitCode).as(first.toString()).isEqualTo(ExitCodes.OK);

        // new2 leaves: deactivated and taken out of research; the role is dropped
        Files.writeString(dir.resolve("users.csv"), users.replace("new2@example.com,new2,New 2,member,true\n", ""));
        Files.writeString(dir.resolve("memberships.csv"), "team,email,role\nresearch,new1@example.com,\n"
                + "research,alice@example.com,\n");
        Files.writeString(dir.resolve("roles.csv"), "name,inherited_from,permissions,description\n");
        Files.writeString(job, Files.readString(job) + "policy: { absent-users: deactivate, absent-members: remove,"
                + " absent-roles: delete, max-removals: 10, max-row-drop: 100% }\n");
        Cli second = Cli.run("sync", job.toString(), "--state-db", stateDb());

        assertThat(second.exitCode).as(second.toString()).isEqualTo(ExitCodes.OK);
        Matcher rows = ROWS.matcher(second.out);
        assertThat(rows.find()).as(second.out).isTrue();
        long total = Long.parseLong(rows.group(1));
        long sum = Pattern.compile("[a-z]+ (\\d+)").matcher(rows.group(2)).results()
                .mapToLong(m -> Long.parseLong(m.group(1))).sum();
        assertThat(sum).as("the statuses add up: " + rows.group()).isEqualTo(total);
        assertThat(rows.group(2)).contains("deactivated 1", "removed 1", "deleted 1");

        String runId = runId(second);
        Cli report = Cli.run("report", runId, "--state-db", stateDb());
        Cli history = Cli.run("history", "--state-db", stateDb());
        assertThat(report.out).contains(rows.group());
        assertThat(history.out.lines().filter(l -> l.contains(runId)).findFirst().orElseThrow())
                .endsWith(rows.group(1) + " - " + rows.group(2));
    }

    @Test
    void applyingAPlanASecondTimeSendsNothingAndSaysWhichRunAppliedIt() throws IOException {
        Path job = job("email,username,display_name,org_role,active\n"
                + "ops-admin@example.com,ops-admin,Ops Admin,admin,true\n"
                + "new1@example.com,new1,New 1,member,true\n"
                + "new2@example.com,new2,New 2,member,true\n", "");
        Cli plan = Cli.run("plan", job.toString(), "--state-db", stateDb());
        String planId = runId(plan);
        Cli apply = Cli.run("apply", job.toString(), "--plan", planId, "--state-db", stateDb());
        assertThat(apply.exitCode).as(apply.toString()).isEqualTo(ExitCodes.OK);
        assertThat(apply.out).contains("created 2");
        String applyId = runId(apply);
        emulator.resetCounts();

        Cli again = Cli.run("apply", job.toString(), "--plan", planId, "--state-db", stateDb());

        assertThat(again.exitCode).as(again.toString()).isEqualTo(ExitCodes.OK);
        assertThat(again.out).contains("nothing sent: plan " + planId + " was applied by run " + applyId)
                .doesNotContain("created");
        assertThat(emulator.counts().total()).as("not even a read").isZero();
        Cli history = Cli.run("history", "--state-db", stateDb());
        assertThat(history.out.lines().filter(l -> l.contains(" apply "))).as(history.out).hasSize(1);
    }

    private Path job(String users, String inputs) throws IOException {
        Files.writeString(dir.resolve("users.csv"), users);
        Path job = dir.resolve("job.yml");
        Files.writeString(job, "target: { url: " + emulator.baseUrl() + ", token-env: PATH }\n"
                + (inputs.isEmpty() ? "inputs: { users: " + dir.resolve("users.csv") + " }\n" : inputs)
                + "out: " + dir.resolve("reports") + "\n");
        return job;
    }

    private static String runId(Cli cli) {
        Matcher run = RUN.matcher(cli.out);
        assertThat(run.find()).as(cli.toString()).isTrue();
        return run.group(1);
    }

    private String stateDb() {
        return "jdbc:h2:file:" + dir.resolve("state") + ";WRITE_DELAY=0";
    }
}
