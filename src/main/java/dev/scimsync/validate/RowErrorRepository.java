package dev.scimsync.validate;

import dev.scimsync.state.StateSchema;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.List;

/** JDBC access to {@code row_error}: why input rows were not applied. */
@Repository
public class RowErrorRepository {

    private final JdbcTemplate jdbc;

    public RowErrorRepository(JdbcTemplate jdbc, StateSchema schema) {
        this.jdbc = jdbc;
    }

    /**
     * One input's errors in line order, read in primary-key order: ORDER BY names the key's columns from
     * {@code run_id} on, or H2 reads and sorts all of them, also for the first few.
     */
    static final String OF_KIND = "SELECT kind, line_no, seq, column_name, reason, row_key, raw FROM row_error"
            + " WHERE run_id = ? AND kind = ? ORDER BY run_id, kind, line_no, seq";

    public void insert(String runId, List<RowErrorRecord> errors) {
        jdbc.batchUpdate("INSERT INTO row_error (run_id, kind, line_no, seq, column_name, reason, row_key, raw)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                errors.stream().map(e -> new Object[] {runId, e.kind(), e.line(), e.seq(), e.column(), e.reason(),
                        e.rowKey(), e.raw()}).toList());
    }

    public List<RowErrorRecord> of(String runId, String kind) {
        return jdbc.query(OF_KIND,
                (rs, n) -> new RowErrorRecord(rs.getString(1), rs.getLong(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)), runId, kind);
    }

    /** The first {@code limit} errors of one input, in line order; {@code limit} is at least 0. */
    public List<RowErrorRecord> first(String runId, String kind, int limit) {
        return jdbc.query(OF_KIND + " FETCH FIRST " + Math.max(0, limit) + " ROWS ONLY",
                (rs, n) -> new RowErrorRecord(rs.getString(1), rs.getLong(2), rs.getInt(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7)), runId, kind);
    }

    /** How many errors one input's rows have (a row may have several). */
    public long count(String runId, String kind) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM row_error WHERE run_id = ? AND kind = ?", Long.class,
                runId, kind);
        return n == null ? 0 : n;
    }
}
