package dev.scimsync.plan;

/**
 * One write the plan calls for.
 *
 * @param seq       order of execution within the run (phase first)
 * @param objectKey the object it is about (a lower-case email, a team, a team/email pair, a role name)
 * @param lineNo    the input row that asked for it, or null when the target holds something the input lacks
 * @param targetId  the target's id of an existing object; null for a create
 * @param before    the object's relevant attributes on the target, for the plan and the report
 * @param after     the same attributes once applied
 * @param payload   what the executor needs, as JSON
 */
public record PlannedOp(String runId, long seq, OpKind kind, String objectKey, String inputKind, Long lineNo,
                        String targetId,
                        String before, String after, String payload, OpState state, String resultId,
                        Integer httpStatus, String errorType, String detail, int attempts) {

    /**
     * @param inputKind the input file of the row that asks for it ({@code users}, {@code memberships}...), or null
     *                  when no row does
     */
    public static PlannedOp pending(String runId, long seq, OpKind kind, String objectKey, String inputKind,
                                    Long lineNo, String targetId, String before, String after, String payload) {
        return new PlannedOp(runId, seq, kind, objectKey, inputKind, lineNo, targetId, before, after, payload,
                OpState.PENDING, null, null, null, null, 0);
    }

    public int phase() {
        return kind.phase();
    }
}
