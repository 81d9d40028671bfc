package dev.scimsync.cli;

import dev.scimsync.job.RunMode;
import dev.scimsync.job.RunResult;
import dev.scimsync.job.UsageException;
import dev.scimsync.job.SyncRunner;
import dev.scimsync.state.RunRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code scim-sync apply JOB.yml --plan RUN}: execute exactly a saved plan. */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = "Execute exactly a saved plan; refuse (exit 5) if an input file changed since.")
final class ApplyCommand extends PlanCommand {

    @Option(names = "--plan", paramLabel = "RUN", required = true, description = "The run id of the plan.")
    String planRunId;

    @Override
    RunResult run(SyncRunner runner) {
        if (allowRemovals != null) {
            throw new UsageException("--allow-removals applies when planning: the plan holds its removals"
                    + " back; make a new plan with --allow-removals and apply that");
        }
        RunRecord plan = runner.findRun(planRunId)
                .orElseThrow(() -> new UsageException("no plan run " + planRunId + " in the state database"));
        if (!RunMode.PLAN.command().equals(plan.command())) {
            throw new UsageException("run " + planRunId + " is a '" + plan.command() + "' run, not a plan");
        }
        return runner.start(RunMode.APPLY, config, planRunId);
    }
}
