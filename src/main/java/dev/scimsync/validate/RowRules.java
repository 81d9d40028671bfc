package dev.scimsync.validate;

import dev.scimsync.state.InLists;
import dev.scimsync.state.StateSchema;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

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
     * Rejects the rows whose key repeats: when the rows of one key all carry the same values, every row but the first
     * is rejected, naming the first line (which applies); when they disagree, every one of them is rejected, naming the
     * others' lines and the values that differ, so that neither wins silently and the object keeps its current state
     * (the rows' keys still protect it from being treated as absent). The rows are read in line order, twice at most,
     * with no index on the key: the first read keeps a hash of each key ({@link DuplicateKeyFinder}), the second, only
     * when some hashes repeat, compares the real keys and the values of those rows.
     *
     * @param key    the key's columns, e.g. {@code email_key} or {@code team_key, email_key}; compared exactly
     * @param values the value columns that must agree (SQL column → the name shown), in order; may be empty
     * @param shown  the SQL expression shown in the reason, over alias {@code d}, e.g. {@code d.email}
     * @param column the file's header of the key column, named in the error
     * @param rowKey the SQL expression of the row key kept with the error, over alias {@code d}
     * @return the number of rows rejected
     */
    public int rejectDuplicates(String runId, String kind, String table, String key, Map<String, String> values,
                                String shown, String what, String column, String fileName, String rowKey) {
        int parts = key.split(",").length;
        String select = "SELECT line_no, " + key + " FROM " + table + " WHERE run_id = ?";
        // ordered by the whole primary key: H2 reads in index order only when ORDER BY names its first column too
        DuplicateKeyFinder duplicates = new DuplicateKeyFinder();
        jdbc.query(select + " ORDER BY run_id, line_no", rs -> {
            duplicates.add(rs.getLong(1), DuplicateKeyFinder.hash(keyOf(rs, parts)));
        }, runId);
        if (!duplicates.findCandidates()) {
            return 0;
        }
        List<String> valueColumns = List.copyOf(values.keySet());
        String candidates = "SELECT d.line_no, " + key + ", " + shown
                + valueColumns.stream().map(c -> ", d." + c).collect(Collectors.joining()) + " FROM " + table + " d"
                + " WHERE d.run_id = ? AND d.line_no BETWEEN ? AND ? ORDER BY d.run_id, d.line_no";
        Map<List<String>, List<Row>> groups = new LinkedHashMap<>();
        jdbc.query(candidates, rs -> {
            long line = rs.getLong(1);
            if (!duplicates.isCandidate(line)) {
                return;
            }
            List<String> k = Arrays.asList(keyOf(rs, parts));
            long first = duplicates.firstLineOf(line, k);
            List<String> rowValues = new ArrayList<>(valueColumns.size());
            for (int i = 0; i < valueColumns.size(); i++) {
                rowValues.add(rs.getString(parts + 3 + i));
            }
            Row row = new Row(line, rs.getString(parts + 2), rowValues);
            if (first >= 0) {
                groups.get(k).add(row);
            } else {
                List<Row> group = new ArrayList<>(2);
                group.add(row);
                groups.put(k, group);
            }
        }, runId, duplicates.firstCandidateLine(), duplicates.lastCandidateLine());
        List<Rejection> rejections = new ArrayList<>();
        for (List<Row> group : groups.values()) {
            if (group.size() > 1) {
                rejections.addAll(decide(group, List.copyOf(values.values()), what, fileName));
            }
        }
        rejections.sort(Comparator.comparingLong(Rejection::line));
        String insert = "INSERT INTO row_error (run_id, kind, line_no, seq, column_name, reason, row_key, raw)"
                + " SELECT d.run_id, ?, d.line_no, 1, ?, ?, " + rowKey + ", d.raw FROM " + table + " d"
                + " WHERE d.run_id = ? AND d.line_no = ?";
        String delete = "DELETE FROM " + table + " WHERE run_id = ? AND line_no = ?";
        for (int start = 0; start < rejections.size(); start += BATCH) {
            List<Rejection> batch = rejections.subList(start, Math.min(rejections.size(), start + BATCH));
            jdbc.batchUpdate(insert, batch.stream().map(r -> new Object[] {kind, column,
                    cut(r.reason()), runId, r.line()}).toList());
            jdbc.batchUpdate(delete, batch.stream().map(r -> new Object[] {runId, r.line()}).toList());
        }
        return rejections.size();
    }

    /**
     * The rows of one repeated key: all but the first when they agree, every one when they do not. Exact duplicates
     * keep the reason scim-sync always gave them. {@code validate} applies it too, so the two never disagree.
     */
    public static List<Rejection> decide(List<Row> group, List<String> labels, String what, String fileName) {
        Row first = group.get(0);
        List<String> differing = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            int column = i;
            if (group.stream().map(r -> Objects.requireNonNullElse(r.values().get(column), "")).distinct().count() > 1) {
                differing.add(labels.get(i));
            }
        }
        List<Rejection> rejected = new ArrayList<>();
        if (differing.isEmpty()) {
            for (Row row : group.subList(1, group.size())) {
                rejected.add(new Rejection(row.line(), "duplicate " + what + " '" + row.shown() + "' (also on line "
                        + first.line() + " of " + fileName + ")"));
            }
            return rejected;
        }
        for (Row row : group) {
            List<String> others = group.stream().filter(o -> o != row).map(o -> Long.toString(o.line())).toList();
            List<String> here = new ArrayList<>();
            for (String label : differing) {
                int column = labels.indexOf(label);
                here.add(label + " " + shownValue(row.values().get(column)));
            }
            rejected.add(new Rejection(row.line(), "duplicate " + what + " '" + row.shown() + "' with other values"
                    + " on line" + (others.size() > 1 ? "s " : " ") + String.join(", ", others) + " of " + fileName
                    + " (here " + String.join(", ", here) + "); none of these rows is applied until they agree"));
        }
        return rejected;
    }

    private static String shownValue(String value) {
        return value == null || value.isEmpty() ? "(empty)" : "'" + (value.length() > 60
                ? value.substring(0, 60) + "..." : value) + "'";
    }

    private static String cut(String reason) {
        return reason.length() <= 4000 ? reason : reason.substring(0, 3997) + "...";
    }

    /** A candidate row of a repeated key: its line, its key as the file wrote it, its values. */
    public record Row(long line, String shown, List<String> values) {
    }

    /** A row to reject, and why. */
    public record Rejection(long line, String reason) {
    }

    private static String[] keyOf(java.sql.ResultSet rs, int parts) throws java.sql.SQLException {
        String[] key = new String[parts];
        for (int i = 0; i < parts; i++) {
            key[i] = rs.getString(i + 2);
        }
        return key;
    }

    /**
     * Rejects the rows of the run at {@code lines} (line numbers), a bounded IN list at a time.
     *
     * @param reasonSql the SQL expression of the reason
     * @param rowKeySql the SQL expression of the row key kept with the error
     * @return the number of rows rejected
     */
    public int rejectLines(String runId, String kind, String table, List<Long> lines, String reasonSql,
                           String rowKeySql, String column) {
        int rejected = 0;
        for (List<Long> batch : InLists.of(lines)) {
            List<Object> args = new ArrayList<>();
            args.add(runId);
            args.addAll(batch);
            rejected += reject(runId, kind, table, "WHERE d.run_id = ? AND d.line_no IN ("
                    + String.join(", ", Collections.nCopies(batch.size(), "?")) + ")", args, reasonSql, List.of(),
                    rowKeySql, column);
        }
        return rejected;
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
