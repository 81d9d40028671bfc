package dev.scimsync.plan;

/**
 * How sending a planned operation ended.
 *
 * @param resultId   the target's id of the object (the new id after a create)
 * @param httpStatus the last HTTP status seen, when there was one
 * @param errorType  the SCIM error type or exception kind of a failure
 */
public record OpOutcome(long seq, OpState state, String resultId, Integer httpStatus, String errorType,
                        String detail, int attempts) {

    public static OpOutcome done(long seq, String resultId, int httpStatus, String detail, int attempts) {
        return new OpOutcome(seq, OpState.DONE, resultId, httpStatus, null, detail, attempts);
    }

    public static OpOutcome failed(long seq, Integer httpStatus, String errorType, String detail, int attempts) {
        return new OpOutcome(seq, OpState.FAILED, null, httpStatus, errorType, detail, attempts);
    }
}
