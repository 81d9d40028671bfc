package dev.scimsync.cli;

import dev.scimsync.config.JobConfig;
import dev.scimsync.config.JobFiles;
import dev.scimsync.job.RunMode;
import dev.scimsync.job.RunResult;
import dev.scimsync.job.SyncRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code scim-sync plan JOB.yml}: read, validate, snapshot and plan; write plan.csv; change nothing. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Read, validate, snapshot and plan; write plan.csv and results.csv; change nothing.")
class PlanCommand extends RunCommand {

    @Mixin
    JobOptions job;

    @Option(names = "--allow-removals", paramLabel = "N",
            description = "Allow up to N removals of each kind in this run, above policy.max-removals.")
    Long allowRemovals;

    @Option(names = "--partial",
            description = "Every input is partial (some rows only, e.g. fixed failed rows): apply its rows, but treat"
                    + " nothing it lacks as absent and skip the row-drop guard. A failed-<input>.csv is partial anyway.")
    boolean partial;

    JobConfig config;

    @Override
    void prepare() {
        config = JobFiles.load(job.jobFile, job.overrides());
    }

    @Override
    RunResult run(SyncRunner runner) {
        return runner.start(mode(), config, null, allowRemovals, partial);
    }

    @Override
    String jobFile() {
        return job.jobFile == null ? null : job.jobFile.toString();
    }

    RunMode mode() {
        return RunMode.PLAN;
    }
}
