package dev.scimsync.state;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Rules over all the loaded rows, with memory kept flat: a row that fails one moves from its {@code desired_*}
 * table to {@code row_error} with the reason, so it is reported as invalid and never applied.
 */
@Repository
public class RowRules {

    private static final int BATCH = 1000;

    private final JdbcTemplate jdbc;

    public RowRules(JdbcTemplate jdbc, StateSchema schema) {
        this.jdbc = jdbc;
    }

    /**
     * Rejects every row whose key repeats an earlier row's, naming the first line. The rows are read in line order,
     * twice at most, with no index on the key: the first read keeps a hash of each key ({@link DuplicateKeys}), the
     * second, only when some hashes repeat, compares the real keys of those rows.
     *
     * @param key    the key's columns, e.g. {@code email_key} or {@code team_key, email_key}; compared exactly
     * @param shown  the SQL expression shown in the reason, over alias {@code d}, e.g. {@code d.email}
     * @param column the file's header of the key column, named in the error
     * @param rowKey the SQL expression of the row key kept with the error, over alias {@code d}
     * @return the number of rows rejected
     */
    public int rejectDuplicates(String runId, String kind, String table, String key, String shown, String what,
                                String column, String fileName, String rowKey) {
        int parts = key.split(",").length;
        String select = "SELECT line_no, " + key + " FROM " + table + " WHERE run_id = ?";
        // ordered by the whole primary key: H2 reads in index order only when ORDER BY names its first column too
        DuplicateKeys duplicates = new DuplicateKeys();
        long[][] found = {new long[64], new long[64]};
        int[] count = {0};
        jdbc.query(select + " ORDER BY run_id, line_no", rs -> {
            duplicates.add(rs.getLong(1), DuplicateKeys.hash(keyOf(rs, parts)));
        }, runId);
        if (!duplicates.findCandidates()) {
            return 0;
        }
        jdbc.query(select + " AND line_no BETWEEN ? AND ? ORDER BY run_id, line_no", rs -> {
            long line = rs.getLong(1);
            if (!duplicates.isCandidate(line)) {
                return;
            }
            long first = duplicates.firstLineOf(line, Arrays.asList(keyOf(rs, parts)));
            if (first >= 0) {
                if (count[0] == found[0].length) {
                    found[0] = Arrays.copyOf(found[0], count[0] * 2);
                    found[1] = Arrays.copyOf(found[1], count[0] * 2);
                }
                found[0][count[0]] = line;
                found[1][count[0]++] = first;
            }
        }, runId, duplicates.firstCandidateLine(), duplicates.lastCandidateLine());
        if (count[0] == 0) {
            return 0;
        }
        String insert = "INSERT INTO row_error (run_id, kind, line_no, seq, column_name, reason, row_key, raw)"
                + " SELECT d.run_id, ?, d.line_no, 1, ?, CONCAT('duplicate " + what + " ''', " + shown
                + ", ''' (also on line ', ?, ' of ', ?, ')'), " + rowKey + ", d.raw FROM " + table + " d"
                + " WHERE d.run_id = ? AND d.line_no = ?";
        String delete = "DELETE FROM " + table + " WHERE run_id = ? AND line_no = ?";
        for (int start = 0; start < count[0]; start += BATCH) {
            int end = Math.min(count[0], start + BATCH);
            List<Object[]> inserts = new ArrayList<>(end - start);
            List<Object[]> deletes = new ArrayList<>(end - start);
            for (int i = start; i < end; i++) {
                inserts.add(new Object[] {kind, column, Long.toString(found[1][i]), fileName, runId, found[0][i]});
                deletes.add(new Object[] {runId, found[0][i]});
            }
            jdbc.batchUpdate(insert, inserts);
            jdbc.batchUpdate(delete, deletes);
        }
        return count[0];
    }

    private static String[] keyOf(java.sql.ResultSet rs, int parts) throws java.sql.SQLException {
        String[] key = new String[parts];
        for (int i = 0; i < parts; i++) {
            key[i] = rs.getString(i + 2);
        }
        return key;
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
