package dev.scimsync.state;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.function.Consumer;

/** Reads every input row of a run together with its operations' outcome, in file and line order. */
@Repository
public class Results {

    private static final String OP_COLUMNS = "o.kind AS op_kind, o.state, COALESCE(o.result_id, o.target_id) AS"
            + " target_id, o.http_status, o.error_type, o.detail, COALESCE(o.attempts, 0) AS attempts, o.verified,"
            + " CAST(NULL AS VARCHAR(4000)) AS reason, d.raw, COALESCE(o.seq, 0) AS seq";

    private static final String QUERY = desired("users", "desired_user", "d.email_key")
            + " UNION ALL " + desired("teams", "desired_team", "d.name_key")
            + " UNION ALL " + desired("memberships", "desired_member", "CONCAT(d.team_key, '/', d.email_key)")
            + " UNION ALL " + desired("roles", "desired_role", "d.name")
            + """
             UNION ALL
            SELECT e.kind, e.line_no, e.row_key, NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL,
                   CASE WHEN e.column_name IS NULL THEN e.reason ELSE CONCAT(e.column_name, ': ', e.reason) END,
                   e.raw, e.seq
            FROM row_error e WHERE e.run_id = ?
            UNION ALL
            SELECT o.input_kind, NULL, o.object_key, o.kind, o.state, COALESCE(o.result_id, o.target_id),
                   o.http_status, o.error_type, o.detail, o.attempts, o.verified, NULL, NULL, o.seq
            FROM planned_op o WHERE o.run_id = ? AND o.line_no IS NULL
            ORDER BY 1, 2 NULLS LAST, 3, 14""";

    private static String desired(String kind, String table, String key) {
        return "SELECT '" + kind + "' AS kind, d.line_no, " + key + " AS row_key, " + OP_COLUMNS + " FROM " + table
                + " d LEFT JOIN planned_op o ON o.run_id = d.run_id AND o.input_kind = '" + kind + "'"
                + " AND o.line_no = d.line_no WHERE d.run_id = ?";
    }

    private final JdbcTemplate jdbc;

    public Results(JdbcTemplate jdbc, StateSchema schema) {
        this.jdbc = jdbc;
    }

    /**
     * Streams the results of the run whose rows and operations are kept under {@code opsRunId}: one per input row,
     * then the operations on objects that no row names. A row with several operations (a new member with a team
     * role) shows the one that went worst; the reasons of an invalid row are joined.
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
            if (previous != null && previous.sameRow(row)) {
                held[0] = previous.merge(row);
                return;
            }
            if (previous != null) {
                action.accept(previous);
            }
            held[0] = row;
        }, opsRunId, opsRunId, opsRunId, opsRunId, opsRunId, opsRunId);
        if (held[0] != null) {
            action.accept(held[0]);
        }
    }
}
