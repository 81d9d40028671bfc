package dev.scimsync.state;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.function.Consumer;

/** Reads every input row of a run together with its operation's outcome, in file and line order. */
@Repository
public class Results {

    private static final String QUERY = """
            SELECT 'users' AS kind, d.line_no, d.email_key AS row_key, o.kind AS op_kind, o.state,
                   COALESCE(o.result_id, o.target_id) AS target_id, o.http_status, o.error_type, o.detail,
                   COALESCE(o.attempts, 0) AS attempts, o.verified, CAST(NULL AS VARCHAR(4000)) AS reason, d.raw
            FROM desired_user d LEFT JOIN planned_op o ON o.run_id = d.run_id AND o.line_no = d.line_no
            WHERE d.run_id = ?
            UNION ALL
            SELECT e.kind, e.line_no, e.row_key, NULL, NULL, NULL, NULL, NULL, NULL, e.seq, NULL,
                   CASE WHEN e.column_name IS NULL THEN e.reason ELSE CONCAT(e.column_name, ': ', e.reason) END,
                   e.raw
            FROM row_error e WHERE e.run_id = ?
            UNION ALL
            SELECT 'users', NULL, o.object_key, o.kind, o.state, COALESCE(o.result_id, o.target_id), o.http_status,
                   o.error_type, o.detail, o.attempts, o.verified, NULL, NULL
            FROM planned_op o WHERE o.run_id = ? AND o.line_no IS NULL
            ORDER BY 1, 2 NULLS LAST, 3, 10""";

    private final JdbcTemplate jdbc;

    public Results(JdbcTemplate jdbc, StateSchema schema) {
        this.jdbc = jdbc;
    }

    /**
     * Streams the results of the run whose rows and operations are kept under {@code opsRunId}: one per input row
     * (the reasons of an invalid row joined), then the operations on objects that no row names.
     */
    public void forEach(String opsRunId, Consumer<ResultRow> action) {
        ResultRow[] held = new ResultRow[1];
        jdbc.query(QUERY, rs -> {
            String opKind = rs.getString("op_kind");
            String state = rs.getString("state");
            String reason = rs.getString("reason");
            ResultRow row = new ResultRow(rs.getString("kind"), (Long) rs.getObject("line_no", Long.class),
                    rs.getString("row_key"), opKind == null ? null : OpKind.valueOf(opKind),
                    state == null ? null : OpState.valueOf(state), rs.getString("target_id"),
                    (Integer) rs.getObject("http_status", Integer.class), rs.getString("error_type"),
                    rs.getString("detail"), reason == null ? rs.getInt("attempts") : 0, rs.getString("verified"),
                    reason, rs.getString("raw"));
            ResultRow previous = held[0];
            if (previous != null && previous.invalid() && row.invalid() && previous.kind().equals(row.kind())
                    && previous.line().equals(row.line())) {
                held[0] = previous.withReason(previous.reason() + "; " + row.reason());
                return;
            }
            if (previous != null) {
                action.accept(previous);
            }
            held[0] = row;
        }, opsRunId, opsRunId, opsRunId);
        if (held[0] != null) {
            action.accept(held[0]);
        }
    }
}
