package dev.scimsync.plan;

/**
 * How sending a planned operation ended.
 *
 * @param resultId   the target's id of the object (the new id after a create)
 * @param httpStatus the last HTTP status seen, when there was one
 * @param errorType  the SCIM error type or exception kind of a failure
 * @param followUp   a request that had to follow the operation's own and failed, or null: the operation stands
 *                   (a user created stays created, with its id), the follow-up is recorded as an operation of its
 *                   own that failed
 */
public record OpOutcome(long seq, OpState state, String resultId, Integer httpStatus, String errorType,
                        String detail, int attempts, FollowUp followUp) {

    public OpOutcome(long seq, OpState state, String resultId, Integer httpStatus, String errorType, String detail,
                     int attempts) {
        this(seq, state, resultId, httpStatus, errorType, detail, attempts, null);
    }

    public static OpOutcome done(long seq, String resultId, int httpStatus, String detail, int attempts) {
        return new OpOutcome(seq, OpState.DONE, resultId, httpStatus, null, detail, attempts);
    }

    public static OpOutcome failed(long seq, Integer httpStatus, String errorType, String detail, int attempts) {
        return new OpOutcome(seq, OpState.FAILED, null, httpStatus, errorType, detail, attempts);
    }

    /** This outcome, with a follow-up request that failed. */
    public OpOutcome withFailedFollowUp(FollowUp failed) {
        return new OpOutcome(seq, state, resultId, httpStatus, errorType, detail, attempts, failed);
    }

    /**
     * A failed request that followed an operation (the org role set after a create): recorded as an operation of
     * {@code kind} on the same row and object, in state FAILED.
     *
     * @param after what it changes, as plan.csv's {@code after} column says it
     */
    public record FollowUp(OpKind kind, String after, Integer httpStatus, String errorType, String detail) {
    }
}
