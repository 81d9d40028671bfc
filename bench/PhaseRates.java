import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The pace of a run's apply, phase by phase, from the times its operations' outcomes were recorded
 * ({@code planned_op.recorded_at}), run as a single-file program with the H2 driver on the class path:
 * {@code java -cp h2.jar bench/PhaseRates.java <jdbc-url>} (the state database of one run, closed).
 *
 * <p>Prints one line per kind of operation, in the order they were sent:
 * {@code kind|count|seconds|rate|first-10%-rate|last-10%-rate|rate-of-each-tenth,...}. A phase starts when the one before it ended (the
 * writer waits for every answer of a phase before sending the next one), the first when the apply step started; its
 * first tenth is timed from its start to the outcome of its first tenth of operations, its last tenth from the
 * outcome of the operation before that tenth to the last. Outcomes are recorded in batches, so a tenth of fewer than
 * a few hundred operations is coarse.
 */
public class PhaseRates {

    public static void main(String[] args) throws SQLException {
        if (args.length != 1) {
            System.err.println("usage: java -cp h2.jar bench/PhaseRates.java <jdbc-url>");
            System.exit(2);
        }
        try (Connection db = DriverManager.getConnection(args[0], "", "");
             Statement st = db.createStatement()) {
            double start = seconds(one(st, "SELECT MIN(start_time) FROM batch_step_execution WHERE step_name = 'apply'"));
            Map<String, List<Double>> byKind = new LinkedHashMap<>();
            // in sequence order, so the kinds come in the order they were sent
            try (ResultSet rs = st.executeQuery("SELECT kind, recorded_at FROM planned_op"
                    + " WHERE recorded_at IS NOT NULL ORDER BY run_id, seq")) {
                while (rs.next()) {
                    byKind.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(seconds(rs.getTimestamp(2)));
                }
            }
            for (Map.Entry<String, List<Double>> kind : byKind.entrySet()) {
                List<Double> times = kind.getValue();
                times.sort(null);
                int n = times.size();
                int tenth = Math.max(1, n / 10);
                double end = times.get(n - 1);
                double first = tenth / Math.max(1e-3, times.get(tenth - 1) - start);
                double lastFrom = n > tenth ? times.get(n - tenth - 1) : start;
                double last = tenth / Math.max(1e-3, end - lastFrom);
                StringBuilder tenths = new StringBuilder();
                double from = start;
                for (int i = 1; i <= 10 && n >= 10; i++) {
                    double to = times.get(n * i / 10 - 1);
                    tenths.append(i > 1 ? "," : "").append(Math.round((n * i / 10 - n * (i - 1) / 10)
                            / Math.max(1e-3, to - from)));
                    from = to;
                }
                System.out.printf(Locale.ROOT, "%s|%d|%.1f|%.0f|%.0f|%.0f|%s%n", kind.getKey(), n, end - start,
                        n / Math.max(1e-3, end - start), first, last, tenths);
                start = end;
            }
        }
    }

    private static Timestamp one(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getTimestamp(1);
        }
    }

    private static double seconds(Timestamp t) {
        return t.getTime() / 1000.0 + (t.getNanos() % 1_000_000) / 1e9;
    }
}
