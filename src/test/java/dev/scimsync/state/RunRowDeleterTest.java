package dev.scimsync.state;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RunRowDeleterTest {

    private final StateDatabase db = new StateDatabase();
    /** Slices of 2 rows, so that the 4 rows of each run and table take several, across gaps in the keys. */
    private final RunRowDeleter rows = new RunRowDeleter(db.jdbc, db.transactions, 2);

    /**
     * Every slice seeks to where it starts on the table's primary key and reads in its order, which on H2 shows as an
     * index-sorted plan; without it a slice reads and sorts every remaining row of the run. row_error is the one
     * table whose primary key (run_id, kind, line_no, seq) does not lead with the slice's key.
     */
    @Test
    void aSliceReadsTheTableInPrimaryKeyOrderFromWhereItStarts() {
        RunRowDeleter.STAGED.forEach((table, key) -> {
            if (key == null || table.equals("row_error")) {
                return;
            }
            String plan = String.join("\n", db.jdbc.queryForList("EXPLAIN " + RunRowDeleter.sliceEnd(table, key, 500),
                    String.class, "r1", 0L));
            assertThat(plan).as(table).contains("PRIMARY_KEY").contains("index sorted");
        });
    }

    @Test
    void coversEveryTableOfTheSchemaWithARunId() {
        assertThat(tablesWithARunId()).containsExactlyInAnyOrderElementsOf(RunRowDeleter.tables());
        assertThat(RunRowDeleter.RUN_TABLES.get(RunRowDeleter.RUN_TABLES.size() - 1)).isEqualTo("sync_run");
    }

    @Test
    void aRunIsForgottenFirstThenItsStagedRowsGoSliceBySliceAndTheOtherRunsAndTheLedgerStay() {
        // keys far apart, as planned_op's seq between phases
        long[] keys = {1, 2, 1_000_000, 2_000_000_007};
        for (String table : RunRowDeleter.STAGED.keySet()) {
            for (long key : keys) {
                insertRow(table, "r1", key);
                insertRow(table, "r2", key);
            }
        }
        for (String table : RunRowDeleter.RUN_TABLES) {
            insertRow(table, "r1", 1);
            insertRow(table, "r2", 1);
        }
        db.jdbc.update("INSERT INTO owned_object (job_name, kind, object_key, source, first_run)"
                + " VALUES ('nightly', 'user', 'a@example.com', 'input', 'r1')");

        rows.forget("r1");

        RunRowDeleter.RUN_TABLES.forEach(table -> assertThat(count(table, "r1")).as(table).isZero());
        RunRowDeleter.STAGED.keySet().forEach(table -> assertThat(count(table, "r1")).as(table).isEqualTo(keys.length));
        assertThat(rows.unfinished()).containsExactly("r1");

        rows.deleteStaged("r1");

        RunRowDeleter.STAGED.keySet().forEach(table -> {
            assertThat(count(table, "r1")).as(table).isZero();
            assertThat(count(table, "r2")).as(table).isEqualTo(keys.length);
        });
        RunRowDeleter.RUN_TABLES.forEach(table -> assertThat(count(table, "r2")).as(table).isOne());
        assertThat(rows.unfinished()).isEmpty();
        assertThat(db.jdbc.queryForObject("SELECT COUNT(*) FROM owned_object", Long.class)).isOne();
    }

    private List<String> tablesWithARunId() {
        List<String> tables = new ArrayList<>();
        db.jdbc.query("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'PUBLIC'"
                + " AND COLUMN_NAME = 'RUN_ID'", rs -> {
                    tables.add(rs.getString(1).toLowerCase(Locale.ROOT));
                });
        return tables;
    }

    /** A row of the run with a value of its type in every column: {@code key} in the numeric ones. */
    private void insertRow(String table, String runId, long key) {
        List<String> names = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (Map<String, Object> column : db.jdbc.queryForList("SELECT COLUMN_NAME, DATA_TYPE FROM"
                + " INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = ?",
                table.toUpperCase(Locale.ROOT))) {
            String name = (String) column.get("COLUMN_NAME");
            String type = (String) column.get("DATA_TYPE");
            names.add(name);
            values.add(name.equals("RUN_ID") ? runId : switch (type) {
                case "BIGINT", "INTEGER" -> key;
                case "BOOLEAN" -> true;
                case "TIMESTAMP" -> java.sql.Timestamp.valueOf("2026-11-29 00:00:00");
                default -> Long.toString(key, 36);
            });
        }
        db.jdbc.update("INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(names.size(), "?")) + ")", values.toArray());
    }

    private long count(String table, String runId) {
        return db.jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE run_id = ?", Long.class, runId);
    }
}
