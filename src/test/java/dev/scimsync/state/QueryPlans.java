package dev.scimsync.state;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What H2 does for a query of the state database, by its own account ({@code EXPLAIN ANALYZE}): how many rows it read
 * and whether it read them in the order asked for; and runs of generated rows to ask it over. Plan-shape checks, not
 * timings, for the tests that pin how a reader reads a run.
 */
public final class QueryPlans {

    private static final Pattern SCAN_COUNT = Pattern.compile("scanCount: (\\d+)");

    private QueryPlans() {
    }

    /**
     * H2's plan of one statement, as it ran.
     *
     * @param scanned     the most rows it read from any one table or subquery (a derived table counts the rows its
     *                    subquery gave it, so a sum would count those twice)
     * @param indexSorted whether it returned rows in index order instead of sorting them
     * @param text        the plan, for assertion messages
     */
    public record Plan(long scanned, boolean indexSorted, String text) {
    }

    /** Runs {@code sql} with {@code args} under {@code EXPLAIN ANALYZE} (a DELETE deletes). */
    public static Plan explain(JdbcTemplate jdbc, String sql, Object... args) {
        String text = String.join("\n", jdbc.queryForList("EXPLAIN ANALYZE " + sql, String.class, args));
        Matcher m = SCAN_COUNT.matcher(text);
        long scanned = 0;
        boolean found = false;
        while (m.find()) {
            scanned = Math.max(scanned, Long.parseLong(m.group(1)));
            found = true;
        }
        if (!found) {
            throw new AssertionError("no scanCount in the plan of " + sql + ":\n" + text);
        }
        // a partly sorted plan says "index sorted: 2 of 4 columns" and still sorts
        return new Plan(scanned, text.contains("/* index sorted */"), text);
    }

    /**
     * Inserts {@code rows} rows of {@code table} for {@code runId}: row {@code x} (1 to {@code rows}) has {@code x} in
     * every numeric column, its text in every text column, and the SQL expression of {@code values} (over {@code X})
     * where one names the column.
     */
    public static void fill(JdbcTemplate jdbc, String table, String runId, int rows, Map<String, String> values) {
        List<String> names = new ArrayList<>();
        List<String> expressions = new ArrayList<>();
        for (Map<String, Object> column : jdbc.queryForList("SELECT COLUMN_NAME, DATA_TYPE FROM"
                + " INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = ?",
                table.toUpperCase(Locale.ROOT))) {
            String name = ((String) column.get("COLUMN_NAME")).toLowerCase(Locale.ROOT);
            names.add(name);
            expressions.add(name.equals("run_id") ? "'" + runId + "'" : values.getOrDefault(name,
                    switch ((String) column.get("DATA_TYPE")) {
                        case "BIGINT", "INTEGER" -> "X";
                        case "BOOLEAN" -> "TRUE";
                        case "TIMESTAMP" -> "TIMESTAMP '2026-11-29 00:00:00'";
                        default -> "CAST(X AS VARCHAR)";
                    }));
        }
        jdbc.update("INSERT INTO " + table + " (" + String.join(", ", names) + ") SELECT "
                + String.join(", ", expressions) + " FROM SYSTEM_RANGE(1, " + rows + ")");
    }
}
