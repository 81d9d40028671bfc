package dev.scimsync.cli;

import dev.scimsync.job.ExitCodes;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

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

    @Test
    void aCommandLineThatNamesASubcommandBuildsThatOneAlone() {
        for (Class<?> subcommand : ScimSyncCommand.SUBCOMMANDS) {
            String name = subcommand.getAnnotation(picocli.CommandLine.Command.class).name();
            if (!name.equals("help")) {
                assertThat(ScimSyncCommand.commandLineFor(name, "--some-option").getSubcommands().keySet())
                        .containsExactly(name);
            }
        }
        List<String> all = List.copyOf(ScimSyncCommand.commandLine().getSubcommands().keySet());
        assertThat(all).hasSize(ScimSyncCommand.SUBCOMMANDS.size());
        for (String[] args : new String[][] {{}, {"--help"}, {"-V"}, {"help", "history"}, {"histroy"}, {""}}) {
            assertThat(ScimSyncCommand.commandLineFor(args).getSubcommands().keySet()).as(String.join(" ", args))
                    .containsExactlyElementsOf(all);
        }
    }

    @Test
    void eachSubcommandAnswersAloneAsItDoesAmongAllOfThem() {
        for (String name : ScimSyncCommand.commandLine().getSubcommands().keySet()) {
            for (String[] args : new String[][] {{name, "--help"}, {name, "--no-such-option"}}) {
                Cli alone = Cli.run(args);
                StringWriter out = new StringWriter();
                StringWriter err = new StringWriter();
                CommandLine full = ScimSyncCommand.commandLine();
                full.setOut(new PrintWriter(out, true));
                full.setErr(new PrintWriter(err, true));
                int code = full.execute(args);

                assertThat(alone.exitCode).as(String.join(" ", args)).isEqualTo(code);
                assertThat(alone.out).as(String.join(" ", args)).isEqualTo(out.toString());
                assertThat(alone.err).as(String.join(" ", args)).isEqualTo(err.toString());
            }
        }
        assertThat(Cli.run("histroy").err).contains("Did you mean", "history");
    }
}
