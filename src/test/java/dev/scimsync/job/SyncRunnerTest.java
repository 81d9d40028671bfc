package dev.scimsync.job;

import dev.scimsync.config.JobConfig;
import dev.scimsync.emulator.EmulatorOptions;
import dev.scimsync.emulator.RecordedRequest;
import dev.scimsync.report.RunSummary;
import dev.scimsync.report.StepTiming;
import dev.scimsync.scim.ScimUser;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs of the sync job into the demo organisation: what they change, what stops them, plan and apply, resume. */
class SyncRunnerTest extends DemoOrgJobTest {

    @Autowired
    JobRepository jobRepository;

    @Test
    void syncAppliesTheDifferenceAndReportsEveryRow() throws IOException {
        Path users = csv("""
                email,username,display_name,org_role,active
                ops-admin@example.com,ops-admin,Ops Admin,admin,true
                alice@example.com,alice,Alice Ng-Smith,,
                BOB@example.com,bob,,admin,yes
                carol@example.com,carol,,,true
                erin@example.com,erin,Erin Walker,viewer,true
                legacy@example.com,legacy,,,false
                not-an-email,x,,,true
                """);

        RunResult result = runner.start(RunMode.SYNC, config(users, "policy: { max-removals: 1 }\n"), null);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILURES);
        assertThat(result.rowCounts()).containsEntry("created", 1L).containsEntry("updated", 2L)
                .containsEntry("reactivated", 1L).containsEntry("deactivated", 1L).containsEntry("unchanged", 1L)
                .containsEntry("invalid", 1L).containsEntry("failed", 0L);
        Map<String, ScimUser> target = org.users();
        assertThat(target.get("alice@example.com").displayName()).isEqualTo("Alice Ng-Smith");
        assertThat(target.get("bob@example.com").organizationRole()).isEqualTo("admin");
        assertThat(target.get("carol@example.com").active()).isTrue();
        assertThat(target.get("erin@example.com").organizationRole()).isEqualTo("viewer");
        assertThat(target.get("legacy@example.com").active()).isFalse();
        List<String> results = Files.readAllLines(result.outDir().resolve("results.csv"));
        assertThat(results).hasSize(8);
        assertThat(results).anyMatch(l -> l.contains(",8,not-an-email,") && l.contains("invalid"));
        assertThat(results).anyMatch(l -> l.contains("erin@example.com") && l.contains(",created,"));

        JobExecution execution = executions(result.run().runId()).get(0);
        StepExecution load = stepNamed(execution, "load-users").orElseThrow();
        assertThat(load.getReadCount()).isEqualTo(7);
        assertThat(load.getWriteCount()).isEqualTo(7);
    }

    @Test
    void aTruncatedExportIsStoppedByTheRemovalLimitBeforeAnythingIsRemoved() throws IOException {
        String everyone = "email\nops-admin@example.com\nalice@example.com\nbob@example.com\nlegacy@example.com\n";
        Path users = csv(everyone);
        assertThat(runner.start(RunMode.SYNC, config(users), null).exitCode()).isEqualTo(ExitCodes.OK);
        org.emulator.resetCounts();
        Files.writeString(users, "email\nops-admin@example.com\nnew1@example.com\n");

        RunResult result = runner.start(RunMode.SYNC,
                config(users, "policy: { absent-users: deactivate, max-removals: 1 }\n"), null);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.SAFETY_STOP);
        assertThat(org.emulator.requests()).noneMatch(r -> r.method().equals("DELETE"));
        assertThat(org.users()).containsKey("new1@example.com");
        assertThat(result.rowCounts()).containsEntry("blocked", 3L).containsEntry("created", 1L);
        assertThat(Files.readAllLines(result.outDir().resolve("results.csv")))
                .filteredOn(l -> l.contains("deactivate (absent)") && l.contains("removal limit: 3 deactivations"))
                .hasSize(3);
    }

    @Test
    void allowRemovalsRaisesTheLimitForOneRun() throws IOException {
        Path users = csv("email\nops-admin@example.com\nalice@example.com\nbob@example.com\nlegacy@example.com\n");
        String job = "policy: { absent-users: deactivate, max-removals: 1, max-row-drop: 100% }\n";
        assertThat(runner.start(RunMode.SYNC, config(users, job), null).exitCode()).isEqualTo(ExitCodes.OK);
        Files.writeString(users, "email\nops-admin@example.com\n");

        RunResult allowed = runner.start(RunMode.SYNC, config(users, job), null, 3L);

        assertThat(allowed.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(allowed.rowCounts()).containsEntry("deactivated", 3L);
        assertThat(org.users().values()).filteredOn(ScimUser::activeOrDefault).hasSize(1);
    }

    @Test
    void anExportThatShrankMoreThanMaxRowDropIsRejectedBeforeAnyWrite() throws IOException {
        StringBuilder rows = new StringBuilder("email\n");
        for (int i = 1; i <= 10; i++) {
            rows.append("user").append(i).append("@example.com\n");
        }
        Path users = csv(rows.toString());
        String job = "policy: { max-row-drop: 50% }\n";
        assertThat(runner.start(RunMode.SYNC, config(users, job), null).exitCode()).isEqualTo(ExitCodes.OK);
        org.emulator.resetCounts();
        Files.writeString(users, "email\nuser1@example.com\nuser2@example.com\n");

        RunResult truncated = runner.start(RunMode.SYNC, config(users, job), null);

        assertThat(truncated.exitCode()).isEqualTo(ExitCodes.INPUT_REJECTED);
        assertThat(truncated.problem()).contains("users.csv").contains("2 rows, 8 fewer than the 10")
                .contains("max-row-drop 50%");
        assertThat(org.emulator.counts().total()).isZero();
    }

    @Test
    void emptyPaddingRowsNeitherFailNorHideAShrunkExport() throws IOException {
        String header = "email,username,display_name,org_role,active\n";
        StringBuilder hundred = new StringBuilder(header);
        for (int i = 1; i <= 100; i++) {
            hundred.append("user").append(i).append("@example.com,,,,\n");
        }
        Path users = csv(hundred.toString());
        assertThat(runner.start(RunMode.SYNC, config(users), null).exitCode()).isEqualTo(ExitCodes.OK);
        StringBuilder padded = new StringBuilder(header);
        List<String> blanks = List.of(",,,,", "\" \",,,,", ",,,,,,,", "", " , , , , ");
        for (int i = 1; i <= 100; i++) {
            padded.append(i <= 10 ? "user" + i + "@example.com,,,," : blanks.get(i % blanks.size())).append("\r\n");
        }
        Files.writeString(users, padded);
        org.emulator.resetCounts();

        RunResult rejected = runner.start(RunMode.SYNC, config(users), null);

        assertThat(rejected.exitCode()).as(rejected.problem()).isEqualTo(ExitCodes.INPUT_REJECTED);
        assertThat(rejected.problem()).contains("10 rows, 90 fewer than the 100").contains("max-row-drop 50%");
        assertThat(org.emulator.counts().total()).isZero();

        RunResult accepted = runner.start(RunMode.SYNC, config(users, "policy: { max-row-drop: 100% }\n"), null);

        assertThat(accepted.exitCode()).as(accepted.problem()).isEqualTo(ExitCodes.OK);
        assertThat(accepted.rowCounts()).containsEntry("invalid", 0L).containsEntry("unchanged", 10L);
        assertThat(accepted.rowCounts().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(10);
    }

    @Test
    void rowsWithoutAKeyDoNotCountTowardsTheRowDropGuard() throws IOException {
        StringBuilder rows = new StringBuilder("email,display_name\n");
        for (int i = 1; i <= 10; i++) {
            rows.append("user").append(i).append("@example.com,User ").append(i).append('\n');
        }
        Path users = csv(rows.toString());
        assertThat(runner.start(RunMode.SYNC, config(users), null).exitCode()).isEqualTo(ExitCodes.OK);
        Files.writeString(users, "email,display_name\nuser1@example.com,User 1\nuser2@example.com,User 2\n"
                + ",Nameless\n".repeat(8));

        RunResult rejected = runner.start(RunMode.SYNC, config(users), null);

        assertThat(rejected.exitCode()).isEqualTo(ExitCodes.INPUT_REJECTED);
        assertThat(rejected.problem()).contains("2 rows (not counting 8 rows without email), 8 fewer than the 10");
    }

    @Test
    void aPercentageRemovalLimitLetsASmallOrganisationDeactivateOneLeaver() throws IOException {
        Path users = csv("email\nops-admin@example.com\nalice@example.com\nbob@example.com\nlegacy@example.com\n");
        String job = "policy: { absent-users: deactivate, max-removals: 2%, max-row-drop: 100% }\n";
        assertThat(runner.start(RunMode.SYNC, config(users, job), null).exitCode()).isEqualTo(ExitCodes.OK);
        Files.writeString(users, "email\nops-admin@example.com\nalice@example.com\nbob@example.com\n");

        RunResult oneLeaver = runner.start(RunMode.SYNC, config(users, job), null);

        assertThat(oneLeaver.exitCode()).as(oneLeaver.problem()).isEqualTo(ExitCodes.OK);
        assertThat(oneLeaver.rowCounts()).containsEntry("deactivated", 1L).containsEntry("blocked", 0L);
        assertThat(org.users().get("legacy@example.com").active()).isFalse();
        Files.writeString(users, "email\nops-admin@example.com\n");

        RunResult twoLeavers = runner.start(RunMode.SYNC, config(users, job), null);

        assertThat(twoLeavers.exitCode()).isEqualTo(ExitCodes.SAFETY_STOP);
        assertThat(twoLeavers.rowCounts()).containsEntry("blocked", 2L);
    }

    @Test
    void headersAreMappedThroughTheJobFile() throws IOException {
        Path users = csv("Full Name,Work Email,Role\n\"Ng, Zoe\",zoe@example.com,Viewer\n");

        RunResult result = runner.start(RunMode.SYNC, config(users,
                "inputs: { users: %s, columns: { users: { email: Work Email, display_name: Full Name, org_role: Role } } }\n"
                        .formatted(users)), null);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        ScimUser zoe = org.users().get("zoe@example.com");
        assertThat(zoe.displayName()).isEqualTo("Ng, Zoe");
        assertThat(zoe.organizationRole()).isEqualTo("viewer");
    }

    @Test
    void absentUsersThatNoInputOfTheJobEverNamedAreNeverDeactivated() throws IOException {
        Path users = csv("email\nops-admin@example.com\nalice@example.com\n");
        String job = "policy: { absent-users: deactivate, max-removals: 100% }\n";

        RunResult first = runner.start(RunMode.SYNC, config(users, job), null);
        Files.writeString(users, "email\nops-admin@example.com\n");
        RunResult second = runner.start(RunMode.SYNC, config(users, job), null);

        assertThat(first.rowCounts()).containsEntry("deactivated", 0L);
        assertThat(second.rowCounts()).containsEntry("deactivated", 1L);
        Map<String, ScimUser> target = org.users();
        assertThat(target.get("alice@example.com").active()).isFalse();
        assertThat(target.get("bob@example.com").active()).as("added by hand, never in an export").isTrue();
        assertThat(target.get("legacy@example.com").active()).isTrue();
    }

    @Test
    void aPlanAloneAddsNothingToTheLedgerAndApplyingItDoes() throws IOException {
        String job = "policy: { absent-users: deactivate, max-removals: 100% }\n";
        Path withAlice = csv("email\nops-admin@example.com\nalice@example.com\n");
        Path withoutAlice = Files.writeString(dir.resolve("without-alice.csv"), "email\nops-admin@example.com\n");
        RunResult planned = runner.start(RunMode.PLAN, config(withAlice, job), null);

        RunResult planAfterPlan = runner.start(RunMode.PLAN, config(withoutAlice, job), null);
        assertThat(Files.readAllLines(planAfterPlan.outDir().resolve("plan.csv")))
                .as("alice is only named by a plan that was never applied").noneMatch(l -> l.contains("deactivate"));

        assertThat(runner.start(RunMode.APPLY, config(withAlice, job), planned.run().runId()).exitCode())
                .isEqualTo(ExitCodes.OK);
        RunResult syncAfterApply = runner.start(RunMode.SYNC, config(withoutAlice, job), null);
        assertThat(syncAfterApply.rowCounts()).containsEntry("deactivated", 1L);
        assertThat(org.users().get("alice@example.com").active()).isFalse();
    }

    @Test
    void aSecondSyncOfTheSameInputMakesNoWriteRequest() throws IOException {
        Path users = csv("""
                email,username,display_name,org_role,active
                ops-admin@example.com,ops-admin,Ops Admin,admin,true
                new1@example.com,new1,New One,member,true
                new2@example.com,new2,New Two,viewer,true
                bob@example.com,bob,Bob Stone,admin,true
                """);
        assertThat(runner.start(RunMode.SYNC, config(users), null).exitCode()).isEqualTo(ExitCodes.OK);
        org.emulator.resetCounts();

        RunResult again = runner.start(RunMode.SYNC, config(users), null);

        assertThat(again.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(org.emulator.counts().writes()).isZero();
        assertThat(again.rowCounts()).containsEntry("unchanged", 4L);
    }

    @Test
    void planChangesNothingAndApplyExecutesExactlyThatPlan() throws IOException {
        Path users = csv("""
                email,username,display_name,org_role,active
                new1@example.com,new1,New One,admin,true
                alice@example.com,alice,,viewer,true
                """);
        RunResult plan = runner.start(RunMode.PLAN, config(users), null);

        assertThat(plan.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(org.emulator.counts().writes()).isZero();
        assertThat(plan.rowCounts()).containsEntry("planned", 2L);
        assertThat(Files.readAllLines(plan.outDir().resolve("plan.csv"))).hasSize(3)
                .anyMatch(l -> l.contains("create") && l.contains("new1@example.com"))
                .anyMatch(l -> l.contains("update") && l.contains("org_role=member") && l.contains("org_role=viewer"));

        RunResult apply = runner.start(RunMode.APPLY, config(users), plan.run().runId());

        assertThat(apply.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(apply.rowCounts()).containsEntry("created", 1L).containsEntry("updated", 1L);
        assertThat(org.users().get("new1@example.com").organizationRole()).isEqualTo("admin");
        assertThat(org.users().get("alice@example.com").organizationRole()).isEqualTo("viewer");
    }

    @Test
    void applyRefusesAPlanWhoseInputChanged() throws IOException {
        Path users = csv("email\nnew1@example.com\n");
        RunResult plan = runner.start(RunMode.PLAN, config(users), null);
        Files.writeString(users, "email\nnew1@example.com\nnew2@example.com\n");

        RunResult apply = runner.start(RunMode.APPLY, config(users), plan.run().runId());

        assertThat(apply.exitCode()).isEqualTo(ExitCodes.INPUT_REJECTED);
        assertThat(apply.problem()).contains("changed since plan " + plan.run().runId());
        assertThat(org.emulator.counts().writes()).isZero();
    }

    @Test
    void aFileThatCannotBeReadStopsTheRunBeforeAnyWrite() throws IOException {
        Path users = csv("mail,username\nnew1@example.com,new1\n");

        RunResult result = runner.start(RunMode.SYNC, config(users), null);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.INPUT_REJECTED);
        assertThat(result.problem()).contains("users.csv").contains("email");
        assertThat(org.emulator.counts().total()).isZero();
    }

    @Test
    void aRunAbortedInTheMiddleOfApplyResumesWithoutCreatingAnyoneTwice() throws Exception {
        StringBuilder rows = new StringBuilder("email,username\n");
        for (int i = 1; i <= 40; i++) {
            rows.append("user").append(i).append("@example.com,user").append(i).append('\n');
        }
        Path users = csv(rows.toString());
        org.close();
        // the key is revoked while the run is applying: every request after the 12th write answers 401
        org = new EmulatedOrg(dir, "key-1", EmulatorOptions.of("key-1").withLatencyMs(20)
                .withUnauthorizedAfterWrites(12));
        String job = "limits: { chunk-size: 5, concurrency: 2, requests-per-second: 0 }\n";

        RunResult aborted = runner.start(RunMode.SYNC, config(users, job), null);

        assertThat(aborted.exitCode()).isEqualTo(ExitCodes.ABORTED);
        assertThat(aborted.problem()).containsIgnoringCase("api key");
        long createdBefore = created();
        assertThat(createdBefore).isEqualTo(12);
        // stopped before its report step: the summary counts the rows from the state database
        RunSummary stopped = RunSummary.fromJson(Files.readString(aborted.outDir().resolve("summary.json")));
        assertThat(stopped.rows().get("users").values().stream().mapToLong(Long::longValue).sum()).isEqualTo(40);
        assertThat(stopped.rows().get("users").get("created")).isBetween(1L, createdBefore);

        org.changeKey("key-2");
        secrets.key("key-2");
        RunResult resumed = runner.resume(aborted.run().runId());

        assertThat(resumed.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(resumed.run().runId()).isEqualTo(aborted.run().runId());
        assertThat(created()).isEqualTo(40);
        assertThat(org.users()).hasSize(40);
        assertThat(resumed.rowCounts()).containsEntry("created", 40L);
        assertThat(executions(aborted.run().runId())).extracting(JobExecution::getStatus).containsExactlyInAnyOrder(BatchStatus.FAILED,
                        BatchStatus.COMPLETED);
        RunSummary summary = RunSummary.fromJson(Files.readString(resumed.outDir().resolve("summary.json")));
        assertThat(summary.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(summary.rows().get("users")).containsExactly(java.util.Map.entry("created", 40L));
        assertThat(summary.steps()).filteredOn(s -> s.name().equals("apply")).extracting(StepTiming::status)
                .containsExactly("FAILED", "COMPLETED");
    }

    /** Users the emulator answered 201 for: every create that took effect. */
    private long created() {
        Predicate<RecordedRequest> create = r -> r.method().equals("POST") && r.status() == 201;
        return org.emulator.requests().stream().filter(create).count();
    }

    private Path csv(String content) throws IOException {
        return org.file("users.csv", content);
    }

    private JobConfig config(Path users) throws IOException {
        return config(users, "");
    }

    /** A job file for the emulator; {@code extra} adds sections, and may replace {@code inputs}. */
    private JobConfig config(Path users, String extra) throws IOException {
        String inputs = extra.contains("inputs:") ? "" : "inputs: { users: " + users + " }\n";
        return org.job(inputs + extra);
    }

    /** The run's job executions, newest first. */
    private List<JobExecution> executions(String runId) {
        JobInstance instance = jobRepository.getJobInstance(SyncJobFactory.JOB_NAME,
                new JobParametersBuilder().addString(RunIds.PARAMETER, runId).toJobParameters());
        return jobRepository.getJobExecutions(instance);
    }

    /** (Not named like a StepExecution factory: @SpringBatchTest would call a method returning one.) */
    private static Optional<StepExecution> stepNamed(JobExecution execution, String name) {
        return execution.getStepExecutions().stream().filter(s -> s.getStepName().equals(name)).findFirst();
    }
}
