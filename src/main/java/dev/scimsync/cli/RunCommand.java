package dev.scimsync.cli;

import dev.scimsync.config.ConfigException;
import dev.scimsync.job.ExitCodes;
import dev.scimsync.job.RunResult;
import dev.scimsync.job.SyncRunner;
import dev.scimsync.job.UsageException;
import dev.scimsync.scim.MissingCredentialException;
import dev.scimsync.state.JobLockedException;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.PrintWriter;

/**
 * A command that runs the sync job: starts the Spring application on the state database, runs, prints the summary
 * and maps the outcome to an exit code. A user's mistake gets a message, never a stack trace.
 */
abstract class RunCommand extends StateCommand {

    /** Runs with the application started; returns how the run ended. */
    abstract RunResult run(SyncRunner runner);

    @Override
    public Integer call() {
        try {
            prepare();
        } catch (ConfigException e) {
            e.problems().forEach(problem -> spec.commandLine().getErr().println("scim-sync: " + problem));
            return ExitCodes.USAGE;
        }
        return super.call();
    }

    @Override
    int runIn(ConfigurableApplicationContext context, PrintWriter out, PrintWriter err) {
        try {
            RunResult result = run(context.getBean(SyncRunner.class));
            OutcomePrinter.print(result, out, err, jobFile());
            return result.exitCode();
        } catch (ConfigException | MissingCredentialException | UsageException e) {
            err.println("scim-sync: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (IllegalArgumentException e) {
            // a bug, not the user's mistake (those are UsageException): never dressed up as exit 2. Exit 4 as for
            // any unexpected exception (ScimSyncCommand): the run, if one started, stays unfinished and resumable
            LoggerFactory.getLogger(RunCommand.class).error("unexpected error: {}", e.getMessage(), e);
            err.println("scim-sync: unexpected error (a bug; the log has its stack trace): " + e.getMessage());
            return ExitCodes.ABORTED;
        } catch (JobLockedException e) {
            // as when another process holds the H2 file: nothing was done, the job can run again later
            err.println("scim-sync: " + e.getMessage());
            return ExitCodes.ABORTED;
        }
    }

    /** The job file as the command was given it, or null for a command without one. */
    String jobFile() {
        return null;
    }

    /** Reads and checks what the command needs before the application starts. */
    void prepare() {
    }
}
