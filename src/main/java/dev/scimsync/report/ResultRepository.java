package dev.scimsync.report;

import dev.scimsync.plan.OpKind;
import dev.scimsync.plan.OpState;
import dev.scimsync.state.StateSchema;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Reads every input row of a run together with its operations' outcome, in file and line order. Each source is read
 * in the order of its primary key or of an index (each ORDER BY names the index's leading columns too, or H2 sorts)
 * and merged here, so that no row costs a lookup: for each input, its valid rows with the operations on them and its
 * invalid rows, by line; then the operations on objects that no row names.
 */
@Repository
public class ResultRepository {

    /** The inputs in the order the results list them (by name), each with the key its rows are known by. */
    private static final List<Input> INPUTS = List.of(
            new Input("memberships", "CONCAT(team_key, '/', email_key)", "desired_member"),
            new Input("roles", "name", "desired_role"),
            new Input("service-accounts", "CONCAT(team_key, '/', description)", "desired_service_account"),
            new Input("teams", "name_key", "desired_team"),
            new Input("users", "email_key", "desired_user"));

    private static final String OP_COLUMNS = "o.seq, o.kind, o.state, COALESCE(o.result_id, o.target_id) AS target_id,"
            + " o.http_status, o.error_type, o.detail, o.attempts, o.verified";

    /** The rows of one line, from any source, in the order the results list them: by key, then number. */
    private static final Comparator<Entry> IN_LINE = Comparator.comparing((Entry e) -> e.row.key(),
            Comparator.nullsFirst(Comparator.naturalOrder())).thenComparingLong(Entry::seq);

    private final JdbcTemplate jdbc;

    public ResultRepository(JdbcTemplate jdbc, StateSchema schema) {
        this.jdbc = jdbc;
    }

    /**
     * Streams the results of the run whose rows and operations are kept under {@code opsRunId}: one per input row,
     * then the operations on objects that no row names. A row with several operations (a new member with a team
     * role) shows the one that went worst; the reasons of an invalid row are joined.
     */
    public void forEach(String opsRunId, Consumer<ResultRow> action) {
        Merged merged = new Merged(action);
        for (Input input : INPUTS) {
            try (Stream<Entry> desired = jdbc.queryForStream("SELECT line_no, " + input.key + ", raw FROM "
                            + input.table + " WHERE run_id = ? ORDER BY run_id, line_no",
                    (rs, n) -> new Entry(new ResultRow(input.kind, rs.getLong(1), rs.getString(2), null, null, null,
                            null, null, null, 0, null, null, rs.getString(3)), 0), opsRunId);
                 Stream<Entry> ops = jdbc.queryForStream("SELECT o.line_no, " + OP_COLUMNS
                                 + " FROM planned_op o WHERE o.run_id = ? AND o.input_kind = ?"
                                 + " AND o.line_no IS NOT NULL"
                                 + " ORDER BY o.run_id, o.input_kind, o.line_no",
                         (rs, n) -> new Entry(op(rs, input.kind, rs.getLong(1), null), rs.getLong("seq")),
                         opsRunId, input.kind);
                 Stream<Entry> errors = jdbc.queryForStream("SELECT line_no, seq, row_key, column_name, reason,"
                                 + " raw FROM row_error WHERE run_id = ? AND kind = ?"
                                 + " ORDER BY run_id, kind, line_no, seq",
                         (rs, n) -> new Entry(new ResultRow(input.kind, rs.getLong(1), rs.getString(3), null, null,
                                 null, null, null, null, 0, null, reason(rs.getString(4), rs.getString(5)),
                                 rs.getString(6)), rs.getInt(2)), opsRunId, input.kind)) {
                byLine(new Peeking(desired.iterator()), new Peeking(ops.iterator()), new Peeking(errors.iterator()),
                        merged);
            }
            try (Stream<ResultRow> unnamed = jdbc.queryForStream("SELECT o.object_key, " + OP_COLUMNS
                            + " FROM planned_op o WHERE o.run_id = ? AND o.input_kind = ? AND o.line_no IS NULL"
                            + " ORDER BY o.object_key, o.seq",
                    (rs, n) -> op(rs, input.kind, null, rs.getString(1)), opsRunId, input.kind)) {
                unnamed.forEach(merged::accept);
            }
        }
        merged.finish();
    }

    /**
     * Merges one input's sources by line: a valid row once per operation on it (or once, without any), an invalid
     * row once per reason; operations on a line that holds no valid row are not results.
     */
    private static void byLine(Peeking desired, Peeking ops, Peeking errors, Merged merged) {
        List<Entry> line = new ArrayList<>();
        while (desired.has() || errors.has()) {
            long next = !errors.has() ? desired.line() : !desired.has() ? errors.line()
                    : Math.min(desired.line(), errors.line());
            if (desired.has() && desired.line() == next) {
                ResultRow row = desired.next().row;
                while (ops.has() && ops.line() < next) {
                    ops.next();
                }
                if (!ops.has() || ops.line() != next) {
                    line.add(new Entry(row, 0));
                }
                while (ops.has() && ops.line() == next) {
                    Entry op = ops.next();
                    ResultRow o = op.row;
                    line.add(new Entry(new ResultRow(row.kind(), row.line(), row.key(), o.opKind(), o.state(),
                            o.targetId(), o.httpStatus(), o.errorType(), o.detail(), o.attempts(), o.verified(), null,
                            row.raw()), op.seq));
                }
            }
            while (errors.has() && errors.line() == next) {
                line.add(errors.next());
            }
            line.sort(IN_LINE);
            for (Entry entry : line) {
                merged.accept(entry.row);
            }
            line.clear();
        }
    }

    private static ResultRow op(ResultSet rs, String kind, Long line, String key) throws SQLException {
        return new ResultRow(kind, line, key, OpKind.valueOf(rs.getString("kind")),
                OpState.valueOf(rs.getString("state")), rs.getString("target_id"),
                rs.getObject("http_status", Integer.class), rs.getString("error_type"), rs.getString("detail"),
                rs.getInt("attempts"), rs.getString("verified"), null, null);
    }

    private static String reason(String column, String reason) {
        return column == null ? reason : column + ": " + reason;
    }

    private record Input(String kind, String key, String table) {
    }

    /** A result row with the number it is ordered by within its line: its operation's, or its reason's. */
    private record Entry(ResultRow row, long seq) {
    }

    private static final class Peeking {

        private final Iterator<Entry> rows;
        private Entry head;

        Peeking(Iterator<Entry> rows) {
            this.rows = rows;
            this.head = rows.hasNext() ? rows.next() : null;
        }

        boolean has() {
            return head != null;
        }

        long line() {
            return head.row.line();
        }

        Entry next() {
            Entry taken = head;
            head = rows.hasNext() ? rows.next() : null;
            return taken;
        }
    }

    /** Joins the consecutive results of one row into one (see {@link ResultRow#merge}) and passes them on. */
    private static final class Merged {

        private final Consumer<ResultRow> action;
        private ResultRow held;

        Merged(Consumer<ResultRow> action) {
            this.action = action;
        }

        void accept(ResultRow row) {
            if (held != null && held.sameRow(row)) {
                held = held.merge(row);
                return;
            }
            if (held != null) {
                action.accept(held);
            }
            held = row;
        }

        void finish() {
            if (held != null) {
                action.accept(held);
            }
        }
    }
}
