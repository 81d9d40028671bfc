package dev.scimsync.cli;

import dev.scimsync.job.ExitCodes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScimSyncCommandTest {

    @Test
    void helpListsTheSubcommandsAndTheExitCodes() {
        Cli cli = Cli.run("--help");

        assertThat(cli.exitCode).isZero();
        assertThat(cli.out).contains("plan", "apply", "sync", "resume", "validate", "history", "report", "emulator")
                .contains("Exit codes:").contains("3   stopped by a safety limit").contains("5   input rejected");
    }

    @Test
    void helpSaysEveryExitCodeInTheWordsOfTheSummary() {
        String help = Cli.run("--help").out.replaceAll("\\s+", " ");

        for (int code = ExitCodes.OK; code <= ExitCodes.INPUT_REJECTED; code++) {
            assertThat(ExitCodes.meaning(code)).isNotEqualTo("unknown");
            assertThat(help).contains(" " + code + " " + (code == ExitCodes.ABORTED ? "aborted"
                    : ExitCodes.meaning(code)));
        }
        assertThat(help).contains("another run of the job is in progress");
    }

    @Test
    void versionNamesTheTool() {
        Cli cli = Cli.run("--version");

        assertThat(cli.exitCode).isZero();
        assertThat(cli.out).startsWith("scim-sync 0.").doesNotContain("unknown").doesNotContain("@");
    }

    @Test
    void anUnknownCommandOrOptionIsAUsageError() {
        assertThat(Cli.run("frobnicate").exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(Cli.run("sync", "jobs/demo.yml", "--no-such-option").exitCode).isEqualTo(ExitCodes.USAGE);
        assertThat(Cli.run().exitCode).isEqualTo(ExitCodes.USAGE);
    }
}
