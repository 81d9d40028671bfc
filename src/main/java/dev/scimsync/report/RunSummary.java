package dev.scimsync.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.LinkedHashMap;
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
 * @param unapplied the input columns whose values the target does not take (absent when there are none)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunSummary(String runId, String job, String command, String planRunId, Instant startedAt,
                         Instant finishedAt, int exitCode, String outcome, String problem, List<Input> inputs,
                         Map<String, Map<String, Long>> rows, long drift, long blocked, Map<String, Long> requests,
                         List<StepTiming> steps, String outDir, List<String> files, Map<String, Long> changes,
                         List<Unapplied> unapplied) {

    /** A summary with no change counted and no unapplied column. */
    public RunSummary(String runId, String job, String command, String planRunId, Instant startedAt,
                      Instant finishedAt, int exitCode, String outcome, String problem, List<Input> inputs,
                      Map<String, Map<String, Long>> rows, long drift, long blocked, Map<String, Long> requests,
                      List<StepTiming> steps, String outDir, List<String> files) {
        this(runId, job, command, planRunId, startedAt, finishedAt, exitCode, outcome, problem, inputs, rows, drift,
                blocked, requests, steps, outDir, files, null, null);
    }

    /**
     * An input column whose values were not sent, once for the run: e.g. {@code org_role} to a plain SCIM 2.0
     * target.
     *
     * @param text the sentence the page shows
     */
    public record Unapplied(String kind, String column, long values, String reason, String text) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * An input file: its checksum tells whether two runs read the same file; a partial one (a failed-rows file fed
     * back, or {@code --partial}) had the absent-* policies and the row-drop guard off.
     */
    public record Input(String kind, String path, String sha256, long rows, boolean partial) {
    }

    /**
     * The rows of every input by status, each status in {@link RowStatus}'s order; empty for a run that stopped before
     * reading a row. What the terminal, {@code report RUN} and {@code history} count.
     */
    public Map<String, Long> rowsByStatus() {
        Map<String, Long> byStatus = new LinkedHashMap<>();
        if (!rows.isEmpty()) {
            for (RowStatus status : RowStatus.values()) {
                byStatus.put(status.label(), total(status.label()));
            }
        }
        return byStatus;
    }

    /** Rows of every kind with this status. */
    public long total(String status) {
        return rows.values().stream().mapToLong(m -> m.getOrDefault(status, 0L)).sum();
    }

    public String toJson() {
        return JSON.writeValueAsString(this);
    }

    String toPrettyJson() {
        // a writer of the one mapper: a second mapper cost the read-only commands, which only read, its start-up
        return JSON.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(this);
    }

    public static RunSummary fromJson(String json) {
        return JSON.readValue(json, RunSummary.class);
    }
}
