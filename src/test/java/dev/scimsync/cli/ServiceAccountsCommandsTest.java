package dev.scimsync.cli;

import dev.scimsync.emulator.EmulatorOptions;
import dev.scimsync.emulator.WandbEmulator;
import dev.scimsync.job.ExitCodes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** service-accounts.csv on the command line: {@code explain TEAM} lists them; a scim2 target refuses them. */
@Timeout(120)
class ServiceAccountsCommandsTest {

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

    @Test
    void explainTeamListsItsServiceAccountsDesiredAgainstListed() throws IOException {
        Path job = job("wandb", "team,description\nresearch,CI runner\n");
        assertThat(Cli.run("sync", job.toString(), "--state-db", stateDb()).exitCode).isEqualTo(ExitCodes.OK);
        Files.writeString(dir.resolve("service-accounts.csv"), "team,description\nresearch,CI runner\n"
                + "research,nightly eval\n");
        Cli plan = Cli.run("plan", job.toString(), "--state-db", stateDb());
        assertThat(plan.exitCode).as(plan.toString()).isEqualTo(ExitCodes.OK);

        Cli explain = Cli.run("explain", "Research", "--state-db", stateDb());

        assertThat(explain.exitCode).as(explain.toString()).isEqualTo(ExitCodes.OK);
        String id = emulator.serviceAccounts().get(0).id();
        assertThat(explain.out).containsPattern("service account 'CI runner' +exists \\(line 2\\) +exists \\(id "
                + id + "\\)").containsPattern("service account 'nightly eval' +exists \\(line 3\\) +missing")
                .contains("create service account");
        assertThat(explain.out).doesNotContain(emulator.serviceAccounts().get(0).apiKey());
    }

    /** Every command that reads the job file refuses service accounts against a plain SCIM 2.0 target. */
    @ParameterizedTest
    @ValueSource(strings = {"sync", "plan", "validate", "check-target"})
    void serviceAccountsAgainstAPlainScim2TargetAreAConfigurationError(String command) throws IOException {
        Path job = job("scim2", "team,description\nresearch,CI runner\n");

        // validate and check-target keep no state: they take no --state-db
        Cli cli = command.equals("sync") || command.equals("plan")
                ? Cli.run(command, job.toString(), "--state-db", stateDb()) : Cli.run(command, job.toString());

        assertThat(cli.exitCode).as(cli.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err).contains("inputs.service-accounts: the scim2 dialect has no service accounts");
        assertThat(emulator.requests()).isEmpty();
    }

    private Path job(String dialect, String accounts) throws IOException {
        Files.writeString(dir.resolve("service-accounts.csv"), accounts);
        Path job = dir.resolve("job.yml");
        Files.writeString(job, "target: { url: " + emulator.baseUrl() + ", dialect: " + dialect
                + ", token-env: PATH }\n"
                + "inputs: { service-accounts: " + dir.resolve("service-accounts.csv") + " }\n"
                + "out: " + dir.resolve("reports") + "\n");
        return job;
    }

    private String stateDb() {
        return "jdbc:h2:file:" + dir.resolve("state") + ";WRITE_DELAY=0";
    }
}
