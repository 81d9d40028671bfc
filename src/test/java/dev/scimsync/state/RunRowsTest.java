package dev.scimsync.state;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RunRowsTest {

    private final StateDatabase db = new StateDatabase();
    private final RunRows rows = new RunRows(db.jdbc, db.transactions, db.schema);

    @Test
    void coversEveryTableOfTheSchemaWithARunId() {
        assertThat(tablesWithARunId()).containsExactlyInAnyOrderElementsOf(RunRows.TABLES);
        assertThat(RunRows.TABLES.get(RunRows.TABLES.size() - 1)).isEqualTo("sync_run");
    }

    @Test
    void deletesOneRunsRowsFromEveryTableAndLeavesTheOtherRunsAndTheLedger() {
        for (String table : RunRows.TABLES) {
            insertRow(table, "r1");
            insertRow(table, "r2");
        }
        db.jdbc.update("INSERT INTO owned_object (job_name, kind, object_key, source, first_run)"
                + " VALUES ('nightly', 'user', 'a@example.com', 'input', 'r1')");

        rows.delete("r1");

        for (String table : RunRows.TABLES) {
            assertThat(count(table, "r1")).as(table).isZero();
            assertThat(count(table, "r2")).as(table).isOne();
        }
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

    /** A row of the run with a value of its type in every column. */
    private void insertRow(String table, String runId) {
        List<String> names = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (Map<String, Object> column : db.jdbc.queryForList("SELECT COLUMN_NAME, DATA_TYPE FROM"
                + " INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = ?",
                table.toUpperCase(Locale.ROOT))) {
            String name = (String) column.get("COLUMN_NAME");
            String type = (String) column.get("DATA_TYPE");
            names.add(name);
            values.add(name.equals("RUN_ID") ? runId : switch (type) {
                case "BIGINT", "INTEGER" -> 1;
                case "BOOLEAN" -> true;
                case "TIMESTAMP" -> java.sql.Timestamp.valueOf("2026-11-29 00:00:00");
                default -> "x";
            });
        }
        db.jdbc.update("INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(names.size(), "?")) + ")", values.toArray());
    }

    private long count(String table, String runId) {
        return db.jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE run_id = ?", Long.class, runId);
    }
}
