package dev.scimsync.plan;

/**
 * An operation a planner decided on, before {@link OpBatch} numbers it; the fields are those of {@link PlannedOp}.
 *
 * @param inputKind the input file of the row that asks for it, or null when no row does
 * @param line      the input row that asked for it, or null when the target holds something the input lacks
 * @param payload   what the executor needs, as JSON
 */
record NewOp(OpKind kind, String key, String inputKind, Long line, String targetId, String before, String after,
             String payload) {
}
