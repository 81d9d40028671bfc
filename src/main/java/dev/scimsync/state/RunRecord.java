package dev.scimsync.state;

import java.time.Instant;

/**
 * One invocation of plan, sync or apply. The effective configuration is kept (it holds no secret: only the name of
 * the variable with the key) so that {@code resume} needs nothing but the run id.
 *
 * @param allowRemovals the removal limit {@code --allow-removals} raised for this run only, or null
 * @param partialInputs {@code --partial}: every input of this run is a partial input
 */
public record RunRecord(String runId, String jobName, String command, String planRunId, String configJson,
                        String outDir, Instant startedAt, Instant finishedAt, Integer exitCode, Long allowRemovals,
                        boolean partialInputs) {

    /** The run whose planned operations this run applies: the plan run for {@code apply}, else itself. */
    public String opsRunId() {
        return planRunId != null ? planRunId : runId;
    }
}
