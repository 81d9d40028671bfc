package dev.scimsync.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * summary.json: a run's counts, timings, inputs and exit code, also kept in the state database for
 * {@code scim-sync history} and {@code scim-sync report RUN}.
 *
 * @param rows    input rows by input kind, then by status ({@code created}, {@code invalid}...)
 * @param drift   lines of drift.csv
 * @param blocked lines of blocked.csv (operations held back by a safety rule)
 * @param files   the files of the run's out dir
 * @param changes operations by what they do ({@code create}, {@code deactivate}...): proposed by a plan, applied by
 *                sync and apply; absent from summaries written before it was counted
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunSummary(String runId, String job, String command, String planRunId, Instant startedAt,
                         Instant finishedAt, int exitCode, String outcome, String problem, List<Input> inputs,
                         Map<String, Map<String, Long>> rows, long drift, long blocked, Map<String, Long> requests,
                         List<StepTiming> steps, String outDir, List<String> files, Map<String, Long> changes) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /**
     * An input file: its checksum tells whether two runs read the same file; a partial one (a failed-rows file fed
     * back, or {@code --partial}) had the absent-* policies and the row-drop guard off.
     */
    public record Input(String kind, String path, String sha256, long rows, boolean partial) {
    }

    /** Rows of every kind with this status. */
    public long total(String status) {
        return rows.values().stream().mapToLong(m -> m.getOrDefault(status, 0L)).sum();
    }

    public String toJson() {
        return JSON.writeValueAsString(this);
    }

    String toPrettyJson() {
        return PRETTY.writeValueAsString(this);
    }

    public static RunSummary fromJson(String json) {
        return JSON.readValue(json, RunSummary.class);
    }
}
