package dev.scimsync.plan;

/**
 * An operation a planner decided on, before {@link OpBatch} numbers it; the fields are those of {@link PlannedOp}.
 *
 * @param inputKind the input file of the row that asks for it, or null when no row does
 * @param line      the input row that asked for it, or null when the target holds something the input lacks
 * @param payload   what the executor needs, as JSON
 * @param heldBack  why a safety rule holds the operation back from the start, or null when it is to be sent
 */
record NewOp(OpKind kind, String key, String inputKind, Long line, String targetId, String before, String after,
             String payload, String heldBack) {

    /** An operation to be sent. */
    NewOp(OpKind kind, String key, String inputKind, Long line, String targetId, String before, String after,
          String payload) {
        this(kind, key, inputKind, line, targetId, before, after, payload, null);
    }
}
