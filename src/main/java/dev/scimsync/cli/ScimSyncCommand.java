package dev.scimsync.cli;

import dev.scimsync.job.ExitCodes;
import dev.scimsync.job.SecretSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;

/**
 * The root command: only dispatches to subcommands and documents the exit codes. The subcommands are added when the
 * command line is built ({@link #SUBCOMMANDS}): all of them, or for a command line that names one, that one alone.
 */
@Command(name = "scim-sync",
        mixinStandardHelpOptions = true,
        versionProvider = ScimSyncCommand.Version.class,
        description = "Bulk CSV to SCIM sync for Weights & Biases organisations and SCIM 2.0 service providers.",
        // the list itself comes from ExitCodes, the one place the codes are put in words (see commandLine())
        exitCodeListHeading = "%nExit codes:%n")
public final class ScimSyncCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Every subcommand, in the order {@code --help} lists them. */
    static final List<Class<?>> SUBCOMMANDS = List.of(PlanCommand.class, ApplyCommand.class, SyncCommand.class,
            ResumeCommand.class, ValidateCommand.class, HistoryCommand.class, ReportCommand.class,
            ExplainCommand.class, PruneCommand.class, CheckTargetCommand.class, EmulatorCommand.class,
            TrainCommand.class, CommandLine.HelpCommand.class);

    /** A command line with every subcommand and the project's exit-code mapping. */
    public static CommandLine commandLine() {
        return commandLine(System::getenv);
    }

    /**
     * The command line that {@code main} runs {@code args} with: when the first argument names a subcommand, only that
     * one is built. Picocli reads every option of every subcommand it is given, with reflection, before parsing; the
     * other twelve cost a read-only command about 0.07 s of its 0.9 (bench/README.md, "Start-up"). Anything else (no
     * argument, an option of the root, {@code help}, a misspelt name that picocli suggests a correction for) gets
     * every subcommand.
     */
    public static CommandLine commandLineFor(String... args) {
        return commandLine(System::getenv, args);
    }

    static CommandLine commandLine(SecretSource secrets) {
        return commandLine(secrets, new String[0]);
    }

    /**
     * A command line whose commands that read the environment without the application ({@code check-target}) read
     * it from {@code secrets}: tests set {@code HTTPS_PROXY} or a key there, not in the real environment. With
     * {@code args} that name a subcommand, only that one is built (see {@link #commandLineFor}).
     */
    static CommandLine commandLine(SecretSource secrets, String... args) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            @SuppressWarnings("unchecked")
            public <K> K create(Class<K> type) throws Exception {
                return type == CheckTargetCommand.class ? (K) new CheckTargetCommand(secrets) : defaults.create(type);
            }
        };
        CommandLine cli = new CommandLine(new ScimSyncCommand(), factory);
        Class<?> named = args.length == 0 ? null : SUBCOMMANDS.stream()
                .filter(c -> c != CommandLine.HelpCommand.class && nameOf(c).equals(args[0])).findFirst().orElse(null);
        (named == null ? SUBCOMMANDS : List.<Class<?>>of(named)).forEach(cli::addSubcommand);
        cli.getCommandSpec().usageMessage().exitCodeList(ExitCodes.helpList());
        cli.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.USAGE);
        // an unexpected exception interrupts a run that can be resumed: never report it as "some rows failed"
        cli.getCommandSpec().exitCodeOnExecutionException(ExitCodes.ABORTED);
        return cli;
    }

    private static String nameOf(Class<?> subcommand) {
        return subcommand.getAnnotation(Command.class).name();
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
