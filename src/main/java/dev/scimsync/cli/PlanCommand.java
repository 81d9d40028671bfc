package dev.scimsync.cli;

import dev.scimsync.config.JobConfig;
import dev.scimsync.config.JobFiles;
import dev.scimsync.job.RunMode;
import dev.scimsync.job.RunResult;
import dev.scimsync.job.SyncRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code scim-sync plan JOB.yml}: read, validate, snapshot and plan; write plan.csv; change nothing. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Read, validate, snapshot and plan; write plan.csv and results.csv; change nothing.")
class PlanCommand extends RunCommand {

    @Mixin
    JobOptions job;

    JobConfig config;

    @Override
    void prepare() {
        config = JobFiles.load(job.jobFile, job.overrides());
    }

    @Override
    RunResult run(SyncRunner runner) {
        return runner.start(mode(), config, null);
    }

    RunMode mode() {
        return RunMode.PLAN;
    }
}
