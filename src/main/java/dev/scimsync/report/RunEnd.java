package dev.scimsync.report;

import dev.scimsync.config.PolicyConfig;
import dev.scimsync.plan.RoleColumns;
import dev.scimsync.state.RunRecord;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the job runner knows once a run has ended, for its summary and its page.
 *
 * @param outcome  the exit code in words
 * @param problem  why the run stopped early, or null
 * @param requests requests sent to the target by HTTP method
 * @param planOnly whether the run only planned (pending operations are "planned", not "pending")
 * @param roleColumns which role columns the run's target applies
 */
public record RunEnd(RunRecord run, Instant finishedAt, int exitCode, String outcome, String problem,
                     List<StepTiming> steps, Map<String, Long> requests, PolicyConfig policy, boolean planOnly,
                     RoleColumns roleColumns) {
}
