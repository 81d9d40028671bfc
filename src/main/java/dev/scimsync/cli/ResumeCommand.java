package dev.scimsync.cli;

import dev.scimsync.job.RunResult;
import dev.scimsync.job.SyncRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code scim-sync resume [RUN]}: continue a failed or interrupted run from its last committed chunk. */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Restart a failed or interrupted run from its last committed chunk (default: the last one).")
final class ResumeCommand extends RunCommand {

    @Parameters(index = "0", arity = "0..1", paramLabel = "RUN", description = "The run id.")
    String runId;

    @Override
    RunResult run(SyncRunner runner) {
        return runner.resume(runId);
    }
}
