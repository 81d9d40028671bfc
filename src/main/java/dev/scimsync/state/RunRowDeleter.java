package dev.scimsync.state;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one run left in the state database's tables, removed for {@code prune}. The ownership ledger
 * ({@code owned_object}) belongs to a job, not to a run, and is never touched here: removals rely on it.
 *
 * <p>A run is forgotten first ({@link #forget}: its {@code sync_run} and {@code input_file} rows go, and it is noted
 * in {@code pruned_run}, in one transaction), so that nothing lists, resumes or applies it any more; its staged rows
 * then go in slices of {@value #SLICE} rows, each committed on its own ({@link #deleteStaged}), so that memory does
 * not grow with the run: one transaction over all the staged rows of a migration-sized run took gigabytes on H2, in
 * slices a small fixed heap is enough. A prune interrupted in between leaves the run in {@code pruned_run}
 * ({@link #unfinished}), to be finished the next time.
 */
@Repository
public class RunRowDeleter {

    /** Rows deleted in one statement, by a range of the table's own numeric key. */
    static final int SLICE = 10_000;

    /** The tables of a run's staged rows, each with the key that slices its deletes (null: one delete). */
    static final Map<String, SliceKey> STAGED = stagedTables();

    /** What {@link #forget} deletes, {@code sync_run} last. */
    static final List<String> RUN_TABLES = List.of("input_file", "sync_run");

    /** Runs forgotten whose staged rows are not all deleted yet. */
    static final String PRUNED_RUN = "pruned_run";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final int slice;

    @Autowired
    public RunRowDeleter(JdbcTemplate jdbc, PlatformTransactionManager transactions, StateSchema schema) {
        this(jdbc, transactions, SLICE);
    }

    /** With slices of {@code slice} rows (tests). */
    RunRowDeleter(JdbcTemplate jdbc, PlatformTransactionManager transactions, int slice) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.slice = slice;
    }

    /**
     * The columns of a table's primary key after {@code run_id} that slice a run's rows: a numeric {@code key}, and
     * before it, when the primary key has one there, a {@code group} column whose values are sliced one at a time
     * ({@code row_error} is keyed by input kind, then line). A slice then seeks on the primary key to where it starts.
     */
    record SliceKey(String group, String key) {
    }

    private static Map<String, SliceKey> stagedTables() {
        Map<String, SliceKey> tables = new LinkedHashMap<>();
        tables.put("desired_user", new SliceKey(null, "line_no"));
        tables.put("desired_team", new SliceKey(null, "line_no"));
        tables.put("desired_member", new SliceKey(null, "line_no"));
        tables.put("desired_role", new SliceKey(null, "line_no"));
        tables.put("desired_service_account", new SliceKey(null, "line_no"));
        tables.put("row_error", new SliceKey("kind", "line_no"));
        tables.put("planned_op", new SliceKey(null, "seq"));
        tables.put("remote_snapshot", null);
        tables.put("remote_role", null);
        tables.put("remote_service_account", null);
        return tables;
    }

    /** Every table with a {@code run_id} column. */
    static List<String> tables() {
        List<String> all = new ArrayList<>(STAGED.keySet());
        all.addAll(RUN_TABLES);
        all.add(PRUNED_RUN);
        return all;
    }

    /**
     * Deletes a run's {@code sync_run} and {@code input_file} rows and notes it in {@code pruned_run}, in one
     * transaction: the run is no longer known, and its staged rows are to be deleted.
     */
    public void forget(String runId) {
        transaction.executeWithoutResult(tx -> {
            jdbc.update("INSERT INTO " + PRUNED_RUN + " (run_id) VALUES (?)", runId);
            RUN_TABLES.forEach(table -> jdbc.update("DELETE FROM " + table + " WHERE run_id = ?", runId));
        });
    }

    /**
     * Deletes a forgotten run's staged rows, a slice of rows at a time, each slice committed on its own; then its
     * {@code pruned_run} note.
     */
    public void deleteStaged(String runId) {
        STAGED.forEach((table, by) -> {
            if (by == null) {
                jdbc.update("DELETE FROM " + table + " WHERE run_id = ?", runId);
            } else if (by.group() == null) {
                deleteSlices(table, by, List.of(runId));
            } else {
                String group;
                while ((group = firstGroup(table, by, runId)) != null) {
                    deleteSlices(table, by, List.of(runId, group));
                }
            }
        });
        jdbc.update("DELETE FROM " + PRUNED_RUN + " WHERE run_id = ?", runId);
    }

    /** Deletes the rows of a run (and group) a slice at a time, each slice from where the last one ended. */
    private void deleteSlices(String table, SliceKey by, List<Object> where) {
        String sliceEnd = sliceEnd(table, by, slice);
        String delete = deleteSlice(table, by);
        long from = Long.MIN_VALUE;
        Long to;
        while ((to = jdbc.queryForObject(sliceEnd, Long.class, args(where, from))) != null) {
            jdbc.update(delete, args(where, from, to));
            from = to + 1;
        }
    }

    private String firstGroup(String table, SliceKey by, String runId) {
        List<String> first = jdbc.queryForList(firstGroup(table, by), String.class, runId);
        return first.isEmpty() ? null : first.get(0);
    }

    /**
     * The query for the first group a run still has rows of, in primary-key order (a seek, as a slice): the groups
     * before it are already deleted. Asking for the group after a given one instead ({@code kind > ?}) makes H2 step
     * over every row of the given group, as its index cursor starts at the given value.
     */
    static String firstGroup(String table, SliceKey by) {
        return "SELECT " + by.group() + " FROM " + table + " WHERE run_id = ? ORDER BY run_id, " + by.group()
                + " FETCH FIRST 1 ROWS ONLY";
    }

    /**
     * The query for where a slice of a run's rows (of one group) ends: the keys are not dense (planned_op's seq
     * leaves gaps between phases), so a slice ends at the key that many rows on from where it starts. It orders by
     * the primary key's columns from {@code run_id} on: H2 reads in index order only when ORDER BY names the index's
     * leading columns, and otherwise reads every remaining row of the run and sorts them, for every slice.
     */
    static String sliceEnd(String table, SliceKey by, int slice) {
        String leading = by.group() == null ? "run_id" : "run_id, " + by.group();
        return "SELECT MAX(" + by.key() + ") FROM (SELECT " + by.key() + " FROM " + table + " WHERE " + prefix(by)
                + " AND " + by.key() + " >= ? ORDER BY " + leading + ", " + by.key() + " FETCH FIRST " + slice
                + " ROWS ONLY) slice";
    }

    /** The statement deleting one slice of a run's rows (of one group), by the range of keys it holds. */
    static String deleteSlice(String table, SliceKey by) {
        return "DELETE FROM " + table + " WHERE " + prefix(by) + " AND " + by.key() + " >= ? AND " + by.key()
                + " <= ?";
    }

    private static String prefix(SliceKey by) {
        return by.group() == null ? "run_id = ?" : "run_id = ? AND " + by.group() + " = ?";
    }

    private static Object[] args(List<Object> where, Object... more) {
        List<Object> all = new ArrayList<>(where);
        all.addAll(List.of(more));
        return all.toArray();
    }

    /**
     * On H2, closes the database with {@code SHUTDOWN COMPACT}, which rewrites the file without the space pruning
     * freed (a normal close compacts for at most 200 ms, and the slices' commits leave much to compact); the state
     * database is closed afterwards, so this is the last thing a command does with it. Does nothing on PostgreSQL,
     * whose autovacuum reclaims the space.
     *
     * @return whether it compacted
     */
    public boolean compactIfH2() {
        Boolean h2 = jdbc.execute((java.sql.Connection c) -> "H2".equals(c.getMetaData().getDatabaseProductName()));
        if (!Boolean.TRUE.equals(h2)) {
            return false;
        }
        jdbc.execute("SHUTDOWN COMPACT");
        return true;
    }

    /** Runs forgotten by a prune that stopped before their staged rows were all deleted. */
    public List<String> unfinished() {
        return jdbc.queryForList("SELECT run_id FROM " + PRUNED_RUN + " ORDER BY run_id", String.class);
    }
}
