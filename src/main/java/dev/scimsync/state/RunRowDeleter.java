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

    /** The tables of a run's staged rows, each with the numeric key that slices its deletes (null: one delete). */
    static final Map<String, String> STAGED = stagedTables();

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

    private static Map<String, String> stagedTables() {
        Map<String, String> tables = new LinkedHashMap<>();
        tables.put("desired_user", "line_no");
        tables.put("desired_team", "line_no");
        tables.put("desired_member", "line_no");
        tables.put("desired_role", "line_no");
        tables.put("desired_service_account", "line_no");
        tables.put("row_error", "line_no");
        tables.put("planned_op", "seq");
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
        STAGED.forEach((table, key) -> {
            if (key == null) {
                jdbc.update("DELETE FROM " + table + " WHERE run_id = ?", runId);
                return;
            }
            String sliceEnd = sliceEnd(table, key, slice);
            long from = Long.MIN_VALUE;
            Long to;
            while ((to = jdbc.queryForObject(sliceEnd, Long.class, runId, from)) != null) {
                jdbc.update("DELETE FROM " + table + " WHERE run_id = ? AND " + key + " >= ? AND " + key + " <= ?",
                        runId, from, to);
                from = to + 1;
            }
        });
        jdbc.update("DELETE FROM " + PRUNED_RUN + " WHERE run_id = ?", runId);
    }

    /**
     * The query for where a slice of a run's rows ends: the keys are not dense (planned_op's seq leaves gaps between
     * phases), so a slice ends at the key that many rows on from where it starts. It orders by {@code run_id} too, the
     * primary key's first column: H2 reads in index order only when ORDER BY names the index's leading columns, and
     * otherwise reads every remaining row of the run and sorts them, for every slice. ({@code row_error}'s primary key
     * has its kind before the line number, so its slices still read the run's remaining invalid rows.)
     */
    static String sliceEnd(String table, String key, int slice) {
        return "SELECT MAX(" + key + ") FROM (SELECT " + key + " FROM " + table + " WHERE run_id = ? AND " + key
                + " >= ? ORDER BY run_id, " + key + " FETCH FIRST " + slice + " ROWS ONLY) slice";
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
