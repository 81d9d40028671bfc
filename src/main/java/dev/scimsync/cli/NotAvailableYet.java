package dev.scimsync.cli;

import dev.scimsync.job.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.List;
import java.util.concurrent.Callable;

/** Subcommands whose issue has not landed yet: they are listed in --help and answer with exit code 2. */
abstract class NotAvailableYet implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", hidden = true)
    List<String> ignored;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("scim-sync " + spec.name() + ": not available yet");
        return ExitCodes.USAGE;
    }

    @Command(name = "explain", description = "Show a user's or a team's desired and actual state.")
    static final class Explain extends NotAvailableYet {
    }
}
