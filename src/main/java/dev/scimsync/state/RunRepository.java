package dev.scimsync.state;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** JDBC access to {@code sync_run}. */
@Repository
public class RunRepository {

    private static final String COLUMNS =
            "run_id, job_name, command, plan_run_id, config_json, out_dir, started_at, finished_at, exit_code,"
                    + " allow_removals, partial_inputs";

    private static final RowMapper<RunRecord> MAPPER = (rs, n) -> new RunRecord(
            rs.getString("run_id"), rs.getString("job_name"), rs.getString("command"), rs.getString("plan_run_id"),
            rs.getString("config_json"), rs.getString("out_dir"), rs.getTimestamp("started_at").toInstant(),
            rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toInstant(),
            (Integer) rs.getObject("exit_code"), (Long) rs.getObject("allow_removals", Long.class),
            rs.getBoolean("partial_inputs"));

    private final JdbcTemplate jdbc;

    public RunRepository(JdbcTemplate jdbc, StateSchema schema) {
        this.jdbc = jdbc;
    }

    public void insert(RunRecord run) {
        jdbc.update("INSERT INTO sync_run (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                run.runId(), run.jobName(), run.command(), run.planRunId(), run.configJson(), run.outDir(),
                Timestamp.from(run.startedAt()), null, null, run.allowRemovals(), run.partialInputs());
    }

    public Optional<RunRecord> find(String runId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM sync_run WHERE run_id = ?", MAPPER, runId).stream().findFirst();
    }

    /** Most recent first. */
    public List<RunRecord> recent(int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM sync_run ORDER BY started_at DESC, run_id DESC LIMIT ?",
                MAPPER, limit);
    }

    /**
     * The newest run that has not finished, or that ended with {@code abortedExitCode}: what {@code resume} with no
     * run id resumes, however many finished runs came after it.
     */
    public Optional<RunRecord> lastUnfinished(int abortedExitCode) {
        return jdbc.query("SELECT " + COLUMNS + " FROM sync_run WHERE exit_code IS NULL OR exit_code = ?"
                + " ORDER BY started_at DESC, run_id DESC FETCH FIRST 1 ROWS ONLY", MAPPER, abortedExitCode).stream()
                .findFirst();
    }

    /** The newest finished run that applied this plan ({@code apply --plan PLAN}), if any. */
    public Optional<RunRecord> lastFinishedApplyOf(String planRunId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM sync_run WHERE plan_run_id = ? AND command = 'apply'"
                + " AND exit_code IS NOT NULL ORDER BY started_at DESC, run_id DESC FETCH FIRST 1 ROWS ONLY", MAPPER,
                planRunId).stream().findFirst();
    }

    /** Every run, most recent first. */
    public List<RunRecord> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM sync_run ORDER BY started_at DESC, run_id DESC", MAPPER);
    }

    /**
     * Records how a run ended.
     *
     * @param summaryJson the run's summary.json, or null when it could not be made
     */
    public void finish(String runId, int exitCode, Instant finishedAt, String summaryJson) {
        jdbc.update("UPDATE sync_run SET finished_at = ?, exit_code = ?, summary_json = ? WHERE run_id = ?",
                Timestamp.from(finishedAt), exitCode, summaryJson, runId);
    }

    /** The summary.json of a finished run, when it has one. */
    public Optional<String> summaryJson(String runId) {
        return jdbc.queryForList("SELECT summary_json FROM sync_run WHERE run_id = ?", String.class, runId).stream()
                .filter(java.util.Objects::nonNull).findFirst();
    }
}
