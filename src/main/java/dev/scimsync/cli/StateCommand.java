package dev.scimsync.cli;

import dev.scimsync.job.ExitCodes;
import dev.scimsync.job.JobApplication;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import org.slf4j.LoggerFactory;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/**
 * A command that starts the Spring application on the state database: the job commands, and {@code prune}, which
 * deletes Spring Batch's job instances with its runs. The commands that only read the database are
 * {@link ReadCommand}s.
 */
abstract class StateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StateDbOption stateDb;

    @Mixin
    LogFormat logFormat;

    /** Does the command's work with the application started on the state database; returns the exit code. */
    abstract int runIn(ConfigurableApplicationContext context, PrintWriter out, PrintWriter err);

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ConfigurableApplicationContext context;
        try {
            context = JobApplication.start(stateDb.url);
        } catch (RuntimeException e) {
            if (StateDbErrors.isExpected(e)) {
                LoggerFactory.getLogger(StateCommand.class).debug("the state database could not be opened", e);
            } else {
                LoggerFactory.getLogger(StateCommand.class).error("the application could not start", e);
            }
            err.println("scim-sync: " + StateDbErrors.explain(e, stateDb.url));
            return ExitCodes.ABORTED;
        }
        try (context) {
            int code = runIn(context, out, err);
            out.flush();
            err.flush();
            return code;
        }
    }
}
