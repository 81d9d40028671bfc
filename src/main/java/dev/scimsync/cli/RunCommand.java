package dev.scimsync.cli;

import dev.scimsync.config.ConfigException;
import dev.scimsync.job.ExitCodes;
import dev.scimsync.job.RunResult;
import dev.scimsync.job.SyncApplication;
import dev.scimsync.job.SyncRunner;
import dev.scimsync.scim.MissingCredentialException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * A command that runs the sync job: starts the Spring application on the state database, runs, prints the summary
 * and maps the outcome to an exit code. A user's mistake gets a message, never a stack trace.
 */
abstract class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StateDbOption stateDb;

    /** Runs with the application started; returns how the run ended. */
    abstract RunResult run(SyncRunner runner);

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            prepare();
        } catch (ConfigException e) {
            err.println("scim-sync: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        ConfigurableApplicationContext context;
        try {
            context = SyncApplication.start(stateDb.url);
        } catch (RuntimeException e) {
            err.println("scim-sync: cannot open the state database: " + StateDbErrors.explain(e));
            return ExitCodes.ABORTED;
        }
        try (context) {
            RunResult result = run(context.getBean(SyncRunner.class));
            Outcomes.print(result, spec.commandLine().getOut(), err);
            return result.exitCode();
        } catch (ConfigException | MissingCredentialException | IllegalArgumentException e) {
            err.println("scim-sync: " + e.getMessage());
            return ExitCodes.USAGE;
        }
    }

    /** Reads and checks what the command needs before the application starts. */
    void prepare() {
    }
}
