package dev.scimsync.cli;

import dev.scimsync.emulator.EmulatorOptions;
import dev.scimsync.emulator.WandbEmulator;
import dev.scimsync.job.ExitCodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Every exit code of {@code ExitCodes} (the README's table), through the command line. */
class RunCommandsTest {

    private static final String VALID = "email,username,display_name,org_role,active\n"
            + "ops-admin@example.com,ops-admin,Ops Admin,admin,true\n"
            + "new1@example.com,new1,New One,member,true\n";

    static WandbEmulator emulator;

    @TempDir
    Path dir;

    @BeforeAll
    static void startEmulator() {
        emulator = WandbEmulator.start(EmulatorOptions.of("the-right-key").withDemoOrg(true));
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @Test
    void syncOnTheEmbeddedEmulatorPrintsTheSummaryAndExits0() throws IOException {
        Path job = job("url: embedded", VALID, "");

        Cli cli = Cli.run("sync", job.toString(), "--state-db", stateDb());

        assertThat(cli.exitCode).as(cli.toString()).isEqualTo(ExitCodes.OK);
        assertThat(cli.out).contains("rows: 2 - created 1", "unchanged 1", "exit 0: all in sync");
        Matcher run = Pattern.compile("run (\\S+) \\(job").matcher(cli.out);
        assertThat(run.find()).isTrue();
        assertThat(dir.resolve("reports").resolve(run.group(1)).resolve("results.csv")).exists();
        assertThat(cli.err).doesNotContain("Exception");
    }

    @Test
    void explainShowsAUsersAndATeamsDesiredAndActualStateAndRecentOperations() throws IOException {
        Files.writeString(dir.resolve("memberships.csv"), "team,email,role\nresearch,new1@example.com,admin\n");
        Path job = job("url: embedded", VALID, "");
        Files.writeString(job, Files.readString(job).replace("inputs: { users: " + dir.resolve("users.csv"),
                "inputs: { memberships: " + dir.resolve("memberships.csv") + ", users: " + dir.resolve("users.csv")));
        Cli plan = Cli.run("plan", job.toString(), "--state-db", stateDb());
        assertThat(plan.exitCode).isEqualTo(ExitCodes.OK);
        assertThat(plan.out).contains("Plan: 1 to create, 1 to update, 0 to deactivate, 0 to remove from teams, 1 to"
                + " add to teams.", "exit 0: plan made").containsPattern("then run: scim-sync apply " + job
                + " --plan [0-9a-f-]+\n$").doesNotContain("all in sync");

        Cli user = Cli.run("explain", "NEW1@example.com", "--state-db", stateDb());
        Cli team = Cli.run("explain", "research", "--state-db", stateDb());
        Cli unknown = Cli.run("explain", "nobody@example.com", "--state-db", stateDb());

        assertThat(user.exitCode).as(user.toString()).isZero();
        assertThat(user.out).contains("user NEW1@example.com, as of run").contains("not in the organisation")
                .containsPattern("team research +admin \\(line 2\\) +not a member")
                .contains("plan   create").contains("add member").contains("set team role");
        assertThat(team.out).containsPattern("alice@example.com +not listed +member")
                .containsPattern("ops-admin@example.com +not listed +admin")
                .containsPattern("new1@example.com +admin \\(line 2\\) +not a member");
        assertThat(unknown.exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err).contains("no run has seen user nobody@example.com");
    }

    @Test
    void invalidRowsFinishTheRunWithExit1() throws IOException {
        Path job = job("url: embedded", VALID + "not-an-email,x,,,\n", "");

        Cli cli = Cli.run("sync", job.toString(), "--state-db", stateDb());

        assertThat(cli.exitCode).as(cli.toString()).isEqualTo(ExitCodes.FAILURES);
        assertThat(cli.out).contains("invalid 1");
    }

    @Test
    void anUnknownKeyInTheJobFileIsAConfigurationErrorNamingTheKey() throws IOException {
        Path job = job("url: embedded", VALID, "policy: { absent-user: deactivate }\n");

        Cli cli = Cli.run("plan", job.toString(), "--state-db", stateDb());

        assertThat(cli.exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err).contains("policy.absent-user").doesNotContain("Exception");
    }

    @Test
    void aMissingKeyVariableIsAConfigurationErrorNamingTheVariable() throws IOException {
        Path job = job("url: " + emulator.baseUrl() + ", token-env: SCIM_SYNC_TEST_UNSET_VARIABLE", VALID, "");

        Cli cli = Cli.run("sync", job.toString(), "--state-db", stateDb());

        assertThat(cli.exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err).contains("SCIM_SYNC_TEST_UNSET_VARIABLE");
    }

    @Test
    void aKeyTheTargetRejectsAbortsTheRunWithExit4() throws IOException {
        // PATH is set everywhere and is certainly not the emulator's key
        Path job = job("url: " + emulator.baseUrl() + ", token-env: PATH", VALID, "");
        emulator.resetCounts();

        Cli cli = Cli.run("sync", job.toString(), "--state-db", stateDb());

        assertThat(cli.exitCode).as(cli.toString()).isEqualTo(ExitCodes.ABORTED);
        assertThat(cli.err).containsIgnoringCase("api key").doesNotContain("Exception");
        assertThat(emulator.counts().writes()).isZero();
    }

    @Test
    void tooManyRemovalsStopTheRunWithExit3() throws IOException {
        Path job = job("url: embedded", VALID + "alice@example.com,,,,\nbob@example.com,,,,\nlegacy@example.com,,,,\n",
                "policy: { absent-users: deactivate, max-row-drop: 100% }\n");
        assertThat(Cli.run("sync", job.toString(), "--state-db", stateDb()).exitCode).isEqualTo(ExitCodes.OK);
        Files.writeString(dir.resolve("users.csv"), VALID);

        Cli cli = Cli.run("sync", job.toString(), "--state-db", stateDb());

        assertThat(cli.exitCode).as(cli.toString()).isEqualTo(ExitCodes.SAFETY_STOP);
        assertThat(cli.out).contains("blocked 3");
        assertThat(cli.err).contains("max-removals");
    }

    @Test
    void aFileThatCannotBeReadIsRejectedWithExit5() throws IOException {
        Path job = job("url: embedded", VALID, "");

        Cli cli = Cli.run("sync", job.toString(), "--users", dir.resolve("missing.csv").toString(),
                "--state-db", stateDb());

        assertThat(cli.exitCode).isEqualTo(ExitCodes.INPUT_REJECTED);
        assertThat(cli.err).contains("missing.csv").contains("not found").doesNotContain("Exception");
    }

    @Test
    void applyRefusesAPlanWhoseInputChangedWithExit5() throws IOException {
        Path job = job("url: embedded", VALID, "");
        Cli plan = Cli.run("plan", job.toString(), "--state-db", stateDb());
        assertThat(plan.exitCode).as(plan.toString()).isEqualTo(ExitCodes.OK);
        Matcher run = Pattern.compile("run (\\S+) \\(job").matcher(plan.out);
        assertThat(run.find()).isTrue();
        Files.writeString(dir.resolve("users.csv"), VALID + "new2@example.com,new2,,,\n");

        Cli apply = Cli.run("apply", job.toString(), "--plan", run.group(1), "--state-db", stateDb());

        assertThat(apply.exitCode).as(apply.toString()).isEqualTo(ExitCodes.INPUT_REJECTED);
        assertThat(apply.err).contains("changed since plan " + run.group(1));
    }

    @Test
    void applyOfAnUnknownPlanAndResumeWithNothingToResumeAreUsageErrors() throws IOException {
        Path job = job("url: embedded", VALID, "");

        Cli apply = Cli.run("apply", job.toString(), "--plan", "no-such-run", "--state-db", stateDb());
        assertThat(apply.exitCode).as(apply.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(apply.err).contains("no plan run no-such-run");
        Cli resume = Cli.run("resume", "--state-db", stateDb());
        assertThat(resume.exitCode).as(resume.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(resume.err).contains("no run to resume");
    }

    @Test
    void validateChecksTheFilesOfflineWithExit0Then1Then5() throws IOException {
        Path job = job("url: https://wandb.example.invalid/scim", VALID, "");
        Cli valid = Cli.run("validate", job.toString());
        assertThat(valid.exitCode).as(valid.toString()).isEqualTo(ExitCodes.OK);
        assertThat(valid.out).contains("2 rows, 2 valid, 0 invalid");

        // the same values again: the later row is the duplicate (rows that disagree: ValidatePlanSyncAgreeTest)
        Files.writeString(dir.resolve("users.csv"), VALID + "NEW1@example.com,new1,New One,member,true\n"
                + "bad,,,owner,\n");
        Cli invalid = Cli.run("validate", job.toString());
        assertThat(invalid.exitCode).isEqualTo(ExitCodes.FAILURES);
        assertThat(invalid.out).contains("line 4, column email: duplicate email (ignoring case) 'NEW1@example.com' (also on line 3")
                .contains("line 5, column org_role").contains("4 rows, 2 valid, 2 invalid");

        Files.writeString(dir.resolve("users.csv"), "username\nx\n");
        Cli rejected = Cli.run("validate", job.toString());
        assertThat(rejected.exitCode).isEqualTo(ExitCodes.INPUT_REJECTED);
        assertThat(rejected.err).contains("users.csv line 1").contains("email");
    }

    @Test
    void customRolesAgainstAPlainScim2TargetAreAConfigurationError() throws IOException {
        Files.writeString(dir.resolve("roles.csv"), "name,inherited_from,permissions,description\nx,member,run:stop,\n");
        Path job = job("url: embedded", VALID, "");

        Cli cli = Cli.run("sync", job.toString(), "--dialect", "scim2", "--roles", dir.resolve("roles.csv").toString(),
                "--state-db", stateDb());

        assertThat(cli.exitCode).as(cli.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err).contains("the scim2 dialect has no custom roles");
    }

    private Path job(String target, String users, String extra) throws IOException {
        Files.writeString(dir.resolve("users.csv"), users);
        Path job = dir.resolve("job.yml");
        Files.writeString(job, "target: { " + target + " }\n"
                + "inputs: { users: " + dir.resolve("users.csv") + " }\n"
                + "out: " + dir.resolve("reports") + "\n" + extra);
        return job;
    }

    private String stateDb() {
        return "jdbc:h2:file:" + dir.resolve("state") + ";WRITE_DELAY=0";
    }
}
