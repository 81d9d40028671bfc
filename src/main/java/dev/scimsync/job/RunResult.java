package dev.scimsync.job;

import dev.scimsync.state.RunRecord;
import org.springframework.batch.core.BatchStatus;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How a run ended.
 *
 * @param rowCounts input rows by status (created, updated, unchanged, invalid, failed...)
 * @param requests  requests sent to the target by HTTP method
 * @param problem   why the run stopped early, in words for the person who runs it; null when it finished
 * @param notes     what the run left out on purpose, once each (input columns the target does not take)
 */
public record RunResult(RunRecord run, BatchStatus status, int exitCode, Map<String, Long> rowCounts,
                        Map<String, Long> requests, String problem, List<String> notes) {

    public RunResult {
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    public RunResult(RunRecord run, BatchStatus status, int exitCode, Map<String, Long> rowCounts,
                     Map<String, Long> requests, String problem) {
        this(run, status, exitCode, rowCounts, requests, problem, List.of());
    }

    public Path outDir() {
        return Path.of(run.outDir());
    }

    public long rows(String status) {
        return rowCounts.getOrDefault(status, 0L);
    }
}
