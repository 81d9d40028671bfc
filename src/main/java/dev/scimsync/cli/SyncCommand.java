package dev.scimsync.cli;

import dev.scimsync.job.RunMode;
import picocli.CommandLine.Command;

/** {@code scim-sync sync JOB.yml}: plan and apply in one run, for cron. */
@Command(name = "sync", mixinStandardHelpOptions = true, description = "Plan and apply in one run (cron).")
final class SyncCommand extends PlanCommand {

    @Override
    RunMode mode() {
        return RunMode.SYNC;
    }
}
