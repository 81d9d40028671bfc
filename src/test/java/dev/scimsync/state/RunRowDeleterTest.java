package dev.scimsync.state;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RunRowDeleterTest {

    private final StateDatabase db = new StateDatabase();
    /** Slices of 2 rows, so that the 4 rows of each run and table take several, across gaps in the keys. */
    private final RunRowDeleter rows = new RunRowDeleter(db.jdbc, db.transactions, 2);

    /**
     * Every slice seeks to where it starts on the table's primary key and reads in its order, which on H2 shows as an
     * index-sorted plan; without it a slice reads and sorts every remaining row of the run. row_error's primary key
     * (run_id, kind, line_no, seq) has the input kind before the line, so its slices are of one kind at a time.
     */
    @Test
    void aSliceReadsTheTableInPrimaryKeyOrderFromWhereItStarts() {
        RunRowDeleter.STAGED.forEach((table, by) -> {
            if (by == null) {
                return;
            }
            String plan = String.join("\n", db.jdbc.queryForList("EXPLAIN " + RunRowDeleter.sliceEnd(table, by, 500),
                    String.class, sliceArgs(by, "r1", 0L)));
            assertThat(plan).as(table).contains("PRIMARY_KEY").contains("index sorted");
        });
    }

    /** Where slices start in a run of {@link #RUN_ROWS} rows: its start, and after these rows. */
    static Stream<Arguments> slicesOfEveryTable() {
        return RunRowDeleter.STAGED.entrySet().stream().filter(e -> e.getValue() != null)
                .flatMap(e -> Stream.of(0, 1, RUN_ROWS / 2, RUN_ROWS - 150, RUN_ROWS - 1)
                        .map(at -> Arguments.of(e.getKey(), at)));
    }

    private static final int RUN_ROWS = 2_000;
    private static final int SLICE = 100;

    /**
     * Finding where a slice ends, and deleting it, read about a slice of rows wherever the slice starts in a large
     * run between two others: H2's count of the rows read is bounded by the slice, not by the run or by what is left
     * of it. row_error's rows are of two kinds, deleted one kind at a time: finding the first kind left is a seek too.
     */
    @ParameterizedTest
    @MethodSource("slicesOfEveryTable")
    void aSliceAndItsDeleteReadAboutASliceOfRowsWhereverItStarts(String table, int at) {
        RunRowDeleter.SliceKey by = RunRowDeleter.STAGED.get(table);
        Map<String, String> values = Map.of("kind", "CASEWHEN(MOD(X, 2) = 0, 'users', 'teams')", "seq", "X * 7");
        QueryPlans.fill(db.jdbc, table, "a-run", RUN_ROWS, values);
        QueryPlans.fill(db.jdbc, table, "r1", RUN_ROWS, values);
        QueryPlans.fill(db.jdbc, table, "z-run", RUN_ROWS, values);
        // the numeric key of the row `at` rows into the run (of its kind for row_error), where the slice starts
        long from = db.jdbc.queryForObject("SELECT " + by.key() + " FROM " + table + " WHERE "
                + (by.group() == null ? "run_id = ?" : "run_id = ? AND kind = ?") + " ORDER BY " + by.key()
                + " OFFSET " + (by.group() == null ? at : at / 2) + " ROWS FETCH FIRST 1 ROWS ONLY", Long.class,
                sliceArgs(by, "r1"));

        QueryPlans.Plan end = QueryPlans.explain(db.jdbc, RunRowDeleter.sliceEnd(table, by, SLICE),
                sliceArgs(by, "r1", from));
        long to = db.jdbc.queryForObject(RunRowDeleter.sliceEnd(table, by, SLICE), Long.class,
                sliceArgs(by, "r1", from));
        QueryPlans.Plan delete = QueryPlans.explain(db.jdbc, RunRowDeleter.deleteSlice(table, by),
                sliceArgs(by, "r1", from, to));

        assertThat(end.scanned()).as(end.text()).isLessThanOrEqualTo(SLICE + 1);
        assertThat(delete.scanned()).as(delete.text()).isLessThanOrEqualTo(SLICE + 1);
        assertThat(count(table, "r1")).isEqualTo(RUN_ROWS - Math.min(SLICE, by.group() == null ? RUN_ROWS - at
                : RUN_ROWS / 2 - at / 2));
        if (by.group() != null) {
            QueryPlans.Plan first = QueryPlans.explain(db.jdbc, RunRowDeleter.firstGroup(table, by), "r1");
            assertThat(first.scanned()).as(first.text()).isLessThanOrEqualTo(2);
            assertThat(db.jdbc.queryForList(RunRowDeleter.firstGroup(table, by), String.class, "r1"))
                    .containsExactly("teams");
        }
    }

    /** The arguments of a slice's statements: the run, the group (row_error's kind: users), then the keys. */
    private static Object[] sliceArgs(RunRowDeleter.SliceKey by, String runId, Object... keys) {
        List<Object> args = new ArrayList<>(List.of(runId));
        if (by.group() != null) {
            args.add("users");
        }
        args.addAll(List.of(keys));
        return args.toArray();
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
