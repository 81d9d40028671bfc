package dev.scimsync.plan;

import dev.scimsync.state.StateSchema;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.ResultSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** JDBC access to {@code planned_op}. */
@Repository
public class PlannedOpRepository {

    public static final String COLUMNS = "run_id, seq, kind, object_key, input_kind, line_no, target_id, before_value,"
            + " after_value,"
            + " payload, state, result_id, http_status, error_type, detail, attempts";

    public static final RowMapper<PlannedOp> MAPPER = (rs, n) -> new PlannedOp(rs.getString("run_id"),
            rs.getLong("seq"), OpKind.valueOf(rs.getString("kind")), rs.getString("object_key"),
            rs.getString("input_kind"), (Long) rs.getObject("line_no", Long.class), rs.getString("target_id"), rs.getString("before_value"),
            rs.getString("after_value"), rs.getString("payload"), OpState.valueOf(rs.getString("state")),
            rs.getString("result_id"), (Integer) rs.getObject("http_status", Integer.class),
            rs.getString("error_type"), rs.getString("detail"), rs.getInt("attempts"));

    /**
     * A run's operations in sequence order. Ordered by the primary key's columns from {@code run_id} on, although
     * {@code run_id} is fixed: H2 reads in index order only when ORDER BY names the index's leading columns, and
     * otherwise reads the whole run and sorts it before the first row comes.
     */
    static final String IN_ORDER = "SELECT " + COLUMNS + " FROM planned_op WHERE run_id = ? ORDER BY run_id, seq";

    /** A run's operations held back by a safety rule, in sequence order (ordered as {@link #IN_ORDER}). */
    static final String BLOCKED_IN_ORDER = "SELECT " + COLUMNS + " FROM planned_op WHERE run_id = ?"
            + " AND state = 'BLOCKED' ORDER BY run_id, seq";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    public PlannedOpRepository(JdbcTemplate jdbc, PlatformTransactionManager transactions, StateSchema schema) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public void clear(String runId) {
        jdbc.update("DELETE FROM planned_op WHERE run_id = ?", runId);
    }

    public void insert(List<PlannedOp> ops) {
        jdbc.batchUpdate("INSERT INTO planned_op (" + COLUMNS + ", phase) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?, ?, ?)",
                ops.stream().map(o -> new Object[] {o.runId(), o.seq(), o.kind().name(), o.objectKey(),
                        o.inputKind(), o.lineNo(),
                        o.targetId(), o.before(), o.after(), o.payload(), o.state().name(), o.resultId(),
                        o.httpStatus(), o.errorType(), o.detail(), o.attempts(), o.phase()}).toList());
    }

    /**
     * Marks the pending operations numbered {@code firstSeq} to {@code lastSeq} as being sent, in a transaction of
     * its own that commits before any request leaves: if the process dies before their outcomes are recorded, a
     * restart knows these may have reached the target. A chunk of the apply step is every pending or sending
     * operation in such a range (its reader reads them in sequence order), so one range update marks exactly the
     * chunk's pending operations.
     */
    public void markSending(String runId, long firstSeq, long lastSeq) {
        ownTransaction.executeWithoutResult(tx -> jdbc.update("UPDATE planned_op SET state = 'SENDING'"
                + " WHERE run_id = ? AND seq BETWEEN ? AND ? AND state = 'PENDING'", runId, firstSeq, lastSeq));
    }

    /** Whether any operation after {@code seq} is still to be sent (pending, or sending when a run stopped). */
    public boolean anyToSendAfter(String runId, long seq) {
        return Boolean.TRUE.equals(jdbc.query("SELECT 1 FROM planned_op WHERE run_id = ? AND seq > ?"
                + " AND state IN ('PENDING', 'SENDING') FETCH FIRST 1 ROWS ONLY", ResultSet::next, runId, seq));
    }

    /**
     * Records outcomes in a transaction of its own. The apply step records them in batches while other requests of
     * the same chunk are still out, so the outcome of a request that was answered is kept even when its chunk never
     * commits. Each outcome keeps when it was recorded ({@code recorded_at}), so a run's pace can be read back
     * phase by phase.
     */
    public void record(String runId, List<OpOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            return;
        }
        ownTransaction.executeWithoutResult(tx -> jdbc.batchUpdate("UPDATE planned_op SET state = ?,"
                        + " result_id = COALESCE(?, result_id), http_status = ?, error_type = ?, detail = ?,"
                        + " attempts = attempts + ?, recorded_at = LOCALTIMESTAMP WHERE run_id = ? AND seq = ?",
                outcomes.stream().map(o -> new Object[] {o.state().name(), o.resultId(), o.httpStatus(),
                        o.errorType(), o.detail(), o.attempts(), runId, o.seq()}).toList()));
        List<OpOutcome> followUps = outcomes.stream().filter(o -> o.followUp() != null).toList();
        if (!followUps.isEmpty()) {
            ownTransaction.executeWithoutResult(tx -> jdbc.batchUpdate(FOLLOW_UP, followUps.stream()
                    .map(o -> followUp(runId, o)).toList()));
        }
    }

    /**
     * A failed follow-up becomes an operation of its own, on the same row and object as the one it followed, with
     * the id that one gave; numbered in its kind's phase, from the number of the operation it followed, so that it
     * is unique and recording it twice changes nothing.
     */
    private static final String FOLLOW_UP = "INSERT INTO planned_op (" + COLUMNS + ", phase)"
            + " SELECT run_id, ?, ?, object_key, input_kind, line_no, COALESCE(result_id, target_id), before_value,"
            + " ?, payload, 'FAILED', NULL, ?, ?, ?, 1, ? FROM planned_op p WHERE p.run_id = ? AND p.seq = ?"
            + " AND NOT EXISTS (SELECT 1 FROM planned_op f WHERE f.run_id = ? AND f.seq = ?)";

    private static Object[] followUp(String runId, OpOutcome o) {
        OpOutcome.FollowUp f = o.followUp();
        long seq = followUpSeq(f.kind(), o.seq());
        return new Object[] {seq, f.kind().name(), f.after(), f.httpStatus(), f.errorType(), f.detail(),
                f.kind().phase(), runId, o.seq(), runId, seq};
    }

    /** The number of the follow-up of operation {@code seq}: past every number the planner gives in that phase. */
    static long followUpSeq(OpKind kind, long seq) {
        long planned = seq & ((1L << 40) - 1);
        return ((long) kind.phase() << 40) | (1L << 39) | planned;
    }

    public void block(String runId, long seq, String reason) {
        jdbc.update("UPDATE planned_op SET state = 'BLOCKED', detail = ? WHERE run_id = ? AND seq = ?",
                reason, runId, seq);
    }

    /** The error type of operations held back by {@code policy.max-removals}. */
    public static final String REMOVAL_LIMIT = "removal-limit";

    /** Holds back every pending removal: the safety limit stops them all, never a chosen part of them. */
    public int blockRemovals(String runId, String reason) {
        return jdbc.update("UPDATE planned_op SET state = 'BLOCKED', error_type = ?, detail = ? WHERE run_id = ?"
                + " AND state = 'PENDING' AND kind IN (" + removalKinds() + ")", REMOVAL_LIMIT, reason, runId);
    }

    public long countBlockedByRemovalLimit(String runId) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM planned_op WHERE run_id = ? AND state = 'BLOCKED'"
                + " AND error_type = ?", Long.class, runId, REMOVAL_LIMIT);
        return n == null ? 0 : n;
    }

    private static String removalKinds() {
        return java.util.Arrays.stream(OpKind.values()).filter(OpKind::removal)
                .map(k -> "'" + k.name() + "'").collect(java.util.stream.Collectors.joining(", "));
    }

    public void markVerified(String runId, long seq, String verdict, String detail) {
        jdbc.update("UPDATE planned_op SET verified = ?, detail = COALESCE(?, detail) WHERE run_id = ? AND seq = ?",
                verdict, detail, runId, seq);
    }

    /** Marks the applied operations of the given kinds (a SQL list of quoted names) not yet verified as ok. */
    public void markVerifiedOk(String runId, String kinds) {
        jdbc.update("UPDATE planned_op SET verified = 'ok' WHERE run_id = ? AND state = 'DONE' AND verified IS NULL"
                + " AND kind IN (" + kinds + ")", runId);
    }

    /** Streams a run's operations in execution order. */
    public void forEach(String runId, Consumer<PlannedOp> action) {
        jdbc.query(IN_ORDER,
                rs -> {
                    action.accept(MAPPER.mapRow(rs, 0));
                }, runId);
    }

    /** Streams a run's operations held back by a safety rule, in execution order. */
    public void forEachBlocked(String runId, Consumer<PlannedOp> action) {
        jdbc.query(BLOCKED_IN_ORDER,
                rs -> {
                    action.accept(MAPPER.mapRow(rs, 0));
                }, runId);
    }

    public List<PlannedOp> all(String runId) {
        return jdbc.query(IN_ORDER, MAPPER, runId);
    }

    public Map<OpState, Long> countByState(String runId) {
        Map<OpState, Long> counts = new EnumMap<>(OpState.class);
        jdbc.query("SELECT state, COUNT(*) FROM planned_op WHERE run_id = ? GROUP BY state",
                rs -> {
                    counts.put(OpState.valueOf(rs.getString(1)), rs.getLong(2));
                }, runId);
        return counts;
    }
}
