package dev.scimsync.job;

import dev.scimsync.state.RunRecord;
import org.springframework.batch.core.BatchStatus;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How a run ended.
 *
 * @param rowCounts input rows by status (created, updated, unchanged, invalid, failed...): what the run's summary
 *                  counted, so that the terminal, {@code report RUN} and {@code history} show the same numbers
 * @param requests  requests sent to the target by HTTP method
 * @param problem   why the run stopped early, in words for the person who runs it; null when it finished
 * @param changes   operations by what they do ({@code create}, {@code deactivate}...), proposed by a plan or applied
 *                  by sync and apply; empty when the run's summary could not be made
 * @param blocked   operations held back by a safety rule
 * @param appliedBefore for {@code apply} of a plan that has nothing left to send: {@code run} is the earlier run
 *                      that applied it, and nothing was started or sent
 * @param notes     what the run left out on purpose, once each (input columns the target does not take)
 */
public record RunResult(RunRecord run, BatchStatus status, int exitCode, Map<String, Long> rowCounts,
                        Map<String, Long> requests, String problem, Map<String, Long> changes, long blocked,
                        boolean appliedBefore, List<String> notes) {

    public RunResult {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public RunResult(RunRecord run, BatchStatus status, int exitCode, Map<String, Long> rowCounts,
                     Map<String, Long> requests, String problem) {
        this(run, status, exitCode, rowCounts, requests, problem, Map.of(), 0, false, List.of());
    }

    public Path outDir() {
        return Path.of(run.outDir());
    }

    public long rows(String status) {
        return rowCounts.getOrDefault(status, 0L);
    }

    public long changes(String what) {
        return changes.getOrDefault(what, 0L);
    }
}
