package dev.scimsync.state;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.List;

/**
 * Rules over all the loaded rows, in SQL so memory stays flat: a row that fails one moves from its {@code desired_*}
 * table to {@code row_error} with the reason, so it is reported as invalid and never applied.
 */
@Repository
public class RowRules {

    private final JdbcTemplate jdbc;

    public RowRules(JdbcTemplate jdbc, StateSchema schema) {
        this.jdbc = jdbc;
    }

    /**
     * Rejects every row whose key repeats an earlier row's, naming the first line.
     *
     * @param key    the key's columns, e.g. {@code email_key} or {@code team_key, email_key}
     * @param shown  the SQL expression shown in the reason, over alias {@code d}, e.g. {@code d.email}
     * @param column the file's header of the key column, named in the error
     */
    public int rejectDuplicates(String runId, String kind, String table, String key, String shown, String what,
                                String column, String fileName, String rowKey) {
        String join = String.join(" AND ", java.util.Arrays.stream(key.split(","))
                .map(String::strip).map(k -> "f." + k + " = d." + k).toList());
        String tail = "JOIN (SELECT " + key + ", MIN(line_no) AS first_line FROM " + table + " WHERE run_id = ?"
                + " GROUP BY " + key + " HAVING COUNT(*) > 1) f ON " + join
                + " WHERE d.run_id = ? AND d.line_no > f.first_line";
        return reject(runId, kind, table, tail, List.of(runId, runId),
                "CONCAT('duplicate " + what + " ''', " + shown + ", ''' (also on line ',"
                        + " CAST(f.first_line AS VARCHAR(20)), ' of ', ?, ')')", List.of(fileName), rowKey, column);
    }

    /**
     * Rejects the rows that {@code tail} selects.
     *
     * @param tail       what follows {@code FROM <table> d}: joins and a WHERE clause
     * @param reasonSql  the SQL expression of the reason
     * @param rowKeySql  the SQL expression of the row key kept with the error
     * @return the number of rows rejected
     */
    public int reject(String runId, String kind, String table, String tail, List<Object> tailArgs, String reasonSql,
                      List<Object> reasonArgs, String rowKeySql, String column) {
        List<Object> insertArgs = new ArrayList<>();
        insertArgs.add(kind);
        insertArgs.add(column);
        insertArgs.addAll(reasonArgs);
        insertArgs.addAll(tailArgs);
        int moved = jdbc.update("INSERT INTO row_error (run_id, kind, line_no, seq, column_name, reason, row_key, raw)"
                + " SELECT d.run_id, ?, d.line_no, 1, ?, " + reasonSql + ", " + rowKeySql + ", d.raw FROM " + table
                + " d " + tail, insertArgs.toArray());
        if (moved > 0) {
            List<Object> deleteArgs = new ArrayList<>();
            deleteArgs.add(runId);
            deleteArgs.addAll(tailArgs);
            jdbc.update("DELETE FROM " + table + " WHERE run_id = ? AND line_no IN (SELECT d.line_no FROM " + table
                    + " d " + tail + ")", deleteArgs.toArray());
        }
        return moved;
    }
}
