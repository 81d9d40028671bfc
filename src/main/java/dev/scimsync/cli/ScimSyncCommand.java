package dev.scimsync.cli;

import dev.scimsync.job.ExitCodes;
import dev.scimsync.job.SecretSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The root command: only dispatches to subcommands and documents the exit codes. */
@Command(name = "scim-sync",
        mixinStandardHelpOptions = true,
        versionProvider = ScimSyncCommand.Version.class,
        description = "Bulk CSV to SCIM sync for Weights & Biases organisations and SCIM 2.0 service providers.",
        subcommands = {
                PlanCommand.class, ApplyCommand.class, SyncCommand.class, ResumeCommand.class,
                ValidateCommand.class, HistoryCommand.class, ReportCommand.class, ExplainCommand.class,
                PruneCommand.class, CheckTargetCommand.class, EmulatorCommand.class, CommandLine.HelpCommand.class},
        // the list itself comes from ExitCodes, the one place the codes are put in words (see commandLine())
        exitCodeListHeading = "%nExit codes:%n")
public final class ScimSyncCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** A command line with the project's exit-code mapping; tests and {@code main} both use this. */
    public static CommandLine commandLine() {
        return commandLine(System::getenv);
    }

    /**
     * A command line whose commands that read the environment without the application ({@code check-target}) read
     * it from {@code secrets}: tests set {@code HTTPS_PROXY} or a key there, not in the real environment.
     */
    static CommandLine commandLine(SecretSource secrets) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            @SuppressWarnings("unchecked")
            public <K> K create(Class<K> type) throws Exception {
                return type == CheckTargetCommand.class ? (K) new CheckTargetCommand(secrets) : defaults.create(type);
            }
        };
        CommandLine cli = new CommandLine(new ScimSyncCommand(), factory);
        cli.getCommandSpec().usageMessage().exitCodeList(ExitCodes.helpList());
        cli.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.USAGE);
        // an unexpected exception interrupts a run that can be resumed: never report it as "some rows failed"
        cli.getCommandSpec().exitCodeOnExecutionException(ExitCodes.ABORTED);
        return cli;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties props = new Properties();
            try (InputStream in = ScimSyncCommand.class.getResourceAsStream("/scim-sync-version.properties")) {
                if (in != null) {
                    props.load(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new String[] {"scim-sync " + props.getProperty("version", "unknown"),
                    "Java " + System.getProperty("java.version")};
        }
    }
}
