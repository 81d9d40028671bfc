package dev.scimsync.cli;

import dev.scimsync.job.ExitCodes;
import dev.scimsync.job.SyncApplication;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** A command on the state database alone: opens it, reads (or prunes), prints; no job file, no target. */
abstract class StateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StateDbOption stateDb;

    @Mixin
    LogFormat logFormat;

    /** Reads what it needs from the started application and prints it; returns the exit code. */
    abstract int read(ConfigurableApplicationContext context, PrintWriter out, PrintWriter err);

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ConfigurableApplicationContext context;
        try {
            context = SyncApplication.start(stateDb.url);
        } catch (RuntimeException e) {
            err.println("scim-sync: cannot open the state database: " + StateDbErrors.explain(e));
            return ExitCodes.ABORTED;
        }
        try (context) {
            int code = read(context, out, err);
            out.flush();
            err.flush();
            return code;
        }
    }
}
