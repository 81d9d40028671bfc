package dev.scimsync.job;

import dev.scimsync.emulator.EmulatedServiceAccount;
import dev.scimsync.emulator.RecordedRequest;
import dev.scimsync.validate.ServiceAccountRowValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Team service accounts synced into the emulator's demo organisation through W&B's GraphQL API. */
@Timeout(120)
class ServiceAccountsSyncTest extends DemoOrgJobTest {

    private static final String KEY_HINT = "team settings → Service accounts";

    @Test
    void missingServiceAccountsAreCreatedAndASecondRunSendsNoMutation() throws IOException {
        String job = """
                inputs: { teams: %s, service-accounts: %s }
                """.formatted(org.file("teams.csv", "team\nresearch\nplatform\n"), "%s");
        RunResult first = sync(job, accounts("research,CI runner\nresearch,Café bot\nplatform,nightly eval\n"));

        assertThat(first.exitCode()).as(String.valueOf(first.problem())).isEqualTo(ExitCodes.OK);
        assertThat(org.emulator.serviceAccounts()).extracting(EmulatedServiceAccount::team,
                EmulatedServiceAccount::description).containsExactlyInAnyOrder(
                tuple("research", "CI runner"), tuple("research", "Café bot"),
                tuple("platform", "nightly eval"));
        List<String> results = Files.readAllLines(first.outDir().resolve("results.csv"));
        assertThat(results).filteredOn(l -> l.contains("/service-accounts.csv,")).hasSize(3).allSatisfy(l -> {
            assertThat(l).contains(",service account,create service account,created,").contains(KEY_HINT);
        });
        assertThat(Files.readAllLines(first.outDir().resolve("plan.csv")))
                .filteredOn(l -> l.contains("create service account")).hasSize(3)
                .anyMatch(l -> l.contains("research/CI runner") && l.contains(KEY_HINT));
        assertThat(Files.readString(first.outDir().resolve("report.html"))).contains("create service account")
                .contains("Service accounts");
        // the team platform is created in the same run, before its service account
        assertThat(graphql()).filteredOn(r -> r.body().contains("mutation")).hasSize(3);
        org.emulator.resetCounts();

        // the same accounts, written with the accent decomposed (NFD) and padded, match what the first run made
        String decomposed = "research, Cafe\u0301 bot \nresearch,CI runner\nplatform,nightly eval\n";
        RunResult second = sync(job, accounts(decomposed));

        assertThat(second.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(graphql()).as("listing only").isNotEmpty()
                .noneMatch(r -> r.body().contains("mutation"));
        assertThat(org.writes()).allSatisfy(r -> assertThat(r.pathAndQuery()).isEqualTo("/graphql"));
        assertThat(org.emulator.serviceAccounts()).hasSize(3);
        assertThat(Files.readAllLines(second.outDir().resolve("results.csv")))
                .filteredOn(l -> l.contains("/service-accounts.csv,")).hasSize(3)
                .allSatisfy(l -> assertThat(l).contains(",unchanged,"));
    }

    @Test
    void anAccountTheFileDoesNotNameIsLeftAloneAndNeverDeleted() throws IOException {
        String job = "inputs: { service-accounts: %s }\n";
        sync(job, accounts("research,old bot\n"));
        org.emulator.resetCounts();

        RunResult result = sync(job, accounts("research,new bot\n"));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(org.emulator.serviceAccounts()).extracting(EmulatedServiceAccount::description)
                .containsExactlyInAnyOrder("old bot", "new bot");
        assertThat(graphql()).filteredOn(r -> r.body().contains("mutation")).singleElement()
                .satisfies(r -> assertThat(r.body()).contains("CreateServiceAccount").contains("new bot"));
    }

    /** Each kind of bad row is an invalid row naming file, line and column, and sends nothing. */
    @Test
    void badRowsAreInvalidWithTheirReasonAndSendNothing() throws IOException {
        String[][] bad = {
                {"nowhere,bot", "team: team 'nowhere' is neither in the organisation nor created by this run"},
                {"research,", "description: description is required"},
                {"research,\"two\u0007bells\"", "U+0007"},
                {"research\u200B,bot", "U+200B"},
                {",bot", "team is required"},
                {"research," + "d".repeat(513), "513 characters long (at most 512)"},
                {"RESEARCH,twice", "duplicate service account 'RESEARCH / twice' (also on line"}};
        StringBuilder rows = new StringBuilder("research,twice\n");
        for (String[] row : bad) {
            rows.append(row[0]).append('\n');
        }

        RunResult result = sync("inputs: { service-accounts: %s }\n", accounts(rows.toString()));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILURES);
        List<String> failed = Files.readAllLines(result.outDir().resolve("failed-service-accounts.csv"));
        assertThat(failed.get(0)).isEqualTo("team,description,reason");
        assertThat(failed).hasSize(bad.length + 1);
        for (int i = 0; i < bad.length; i++) {
            assertThat(failed.get(i + 1)).as(bad[i][0]).contains(bad[i][1]);
        }
        assertThat(Files.readAllLines(result.outDir().resolve("results.csv")))
                .anyMatch(l -> l.contains("/service-accounts.csv,3,nowhere/bot,") && l.contains(",invalid,"));
        assertThat(org.emulator.serviceAccounts()).extracting(EmulatedServiceAccount::description)
                .containsExactly("twice");
    }

    @Test
    void validateReadsTheServiceAccountsFileWithTheSameChecks() throws IOException {
        Path file = accounts("research,bot\nresearch,\nresearch,bot\n");
        ValidateResult result = InputChecks.run(org.job("inputs: { service-accounts: " + file + " }\n"),
                "jdbc:h2:mem:validate-" + UUID.randomUUID(), 10);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILURES);
        assertThat(result.validation().shown()).containsExactly(
                file + " line 3, column description: description is required (it names the service account in"
                        + " its team)",
                file + " line 4, column description: duplicate service account 'research / bot' (also on line 2 of "
                        + file + ")");
        assertThat(org.emulator.requests()).as("validate is offline").isEmpty();
    }

    /** A GraphQL error (HTTP 200) fails its row, with the server's message, and the run goes on. */
    @Test
    void aGraphqlErrorFailsTheRowWithTheServersMessage() throws IOException {
        try (RecordingProxy proxy = new RecordingProxy(org.emulator.baseUrl())) {
            proxy.answer(e -> e.body().contains("mutation") && e.body().contains("refused bot"), 200,
                    "{\"data\":null,\"errors\":[{\"message\":\"permission denied: not a team admin\"}]}");
            Path file = accounts("research,refused bot\nresearch,accepted bot\n");

            RunResult result = runner.start(RunMode.SYNC, org.job("inputs: { service-accounts: " + file + " }\n",
                    proxy.baseUrl()), null);

            assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILURES);
            assertThat(Files.readAllLines(result.outDir().resolve("results.csv")))
                    .anyMatch(l -> l.contains("research/refused bot") && l.contains(",failed,")
                            && l.contains("graphqlError") && l.contains("permission denied: not a team admin"))
                    .anyMatch(l -> l.contains("research/accepted bot") && l.contains(",created,"));
            assertThat(Files.readAllLines(result.outDir().resolve("failed-service-accounts.csv"))).containsExactly(
                    "team,description,reason",
                    "research,refused bot,\"failed (create service account, HTTP 200, graphqlError):"
                            + " permission denied: not a team admin\"");
            assertThat(proxy.exchanges()).filteredOn(e -> e.body().contains("refused bot")).hasSize(1);
            assertThat(org.emulator.serviceAccounts()).extracting(EmulatedServiceAccount::description)
                    .containsExactly("accepted bot");
        }
    }

    @Test
    void planThenApplySendsThePlannedCreatesOnce() throws IOException {
        var job = org.job("inputs: { service-accounts: " + accounts("research,CI runner\n") + " }\n");
        RunResult plan = runner.start(RunMode.PLAN, job, null);
        assertThat(org.emulator.serviceAccounts()).isEmpty();

        RunResult apply = runner.start(RunMode.APPLY, job, plan.run().runId());
        RunResult again = runner.start(RunMode.APPLY, job, plan.run().runId());

        assertThat(apply.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(again.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(org.emulator.serviceAccounts()).singleElement()
                .satisfies(a -> assertThat(ServiceAccountRowValidator.normalised(a.description()))
                        .isEqualTo("CI runner"));
    }

    private List<RecordedRequest> graphql() {
        return org.emulator.requests().stream().filter(r -> r.pathAndQuery().equals("/graphql")).toList();
    }

    private RunResult sync(String job, Path file) throws IOException {
        return runner.start(RunMode.SYNC, org.job(job.formatted(file)), null);
    }

    private Path accounts(String rows) throws IOException {
        return org.file("service-accounts.csv", "team,description\n" + rows);
    }
}
