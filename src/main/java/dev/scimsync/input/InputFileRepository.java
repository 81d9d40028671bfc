package dev.scimsync.input;

import dev.scimsync.state.StateSchema;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.List;

/** JDBC access to {@code input_file}. */
@Repository
public class InputFileRepository {

    private final JdbcTemplate jdbc;

    public InputFileRepository(JdbcTemplate jdbc, StateSchema schema) {
        this.jdbc = jdbc;
    }

    /** Records (or, on a restart, re-records) one input file of a run. */
    public void save(String runId, InputFileRecord file) {
        jdbc.update("DELETE FROM input_file WHERE run_id = ? AND kind = ?", runId, file.kind());
        jdbc.update("INSERT INTO input_file (run_id, kind, path, sha256, row_count, header, keyed_rows, partial)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                runId, file.kind(), file.path(), file.sha256(), file.rowCount(), file.header(), file.keyedRows(),
                file.partial());
    }

    /**
     * The file of this kind that the job's last finished run (exit 0 or 1) read before {@code runId}, if any; a
     * partial input is never the reference.
     */
    public java.util.Optional<InputFileRecord> lastGood(String jobName, String kind, String runId) {
        return jdbc.query("SELECT f.kind, f.path, f.sha256, f.row_count, f.header, r.run_id, f.keyed_rows"
                        + " FROM input_file f"
                        + " JOIN sync_run r ON r.run_id = f.run_id WHERE r.job_name = ? AND f.kind = ? AND r.run_id <> ?"
                        + " AND r.exit_code IN (0, 1) AND (f.partial IS NULL OR f.partial = FALSE)"
                        + " ORDER BY r.started_at DESC LIMIT 1",
                (rs, n) -> new InputFileRecord(rs.getString(1), rs.getString(2) + " (run " + rs.getString(6) + ")",
                        rs.getString(3), rs.getLong(4), rs.getString(5), rs.getObject(7, Long.class), false),
                jobName, kind, runId).stream().findFirst();
    }

    public List<InputFileRecord> of(String runId) {
        return jdbc.query("SELECT kind, path, sha256, row_count, header, keyed_rows, partial FROM input_file"
                        + " WHERE run_id = ? ORDER BY kind",
                (rs, n) -> new InputFileRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getObject(6, Long.class), rs.getBoolean(7)), runId);
    }
}
