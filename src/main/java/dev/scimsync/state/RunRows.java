package dev.scimsync.state;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/**
 * Everything one run left in the staging tables, removed together ({@code prune}). The ownership ledger
 * ({@code owned_object}) belongs to a job, not to a run, and is never touched here: removals rely on it.
 */
@Repository
public class RunRows {

    /** Every table with a {@code run_id} column of schema.sql, {@code sync_run} last. */
    static final List<String> TABLES = List.of("input_file", "desired_user", "desired_team", "desired_member",
            "desired_role", "row_error", "remote_snapshot", "remote_role", "planned_op", "sync_run");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public RunRows(JdbcTemplate jdbc, PlatformTransactionManager transactions, StateSchema schema) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Deletes a run's rows from every staging table and its {@code sync_run} row, in one transaction. */
    public void delete(String runId) {
        transaction.executeWithoutResult(tx -> TABLES.forEach(
                table -> jdbc.update("DELETE FROM " + table + " WHERE run_id = ?", runId)));
    }
}
