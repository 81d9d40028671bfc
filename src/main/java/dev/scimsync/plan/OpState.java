package dev.scimsync.plan;

/** Where a planned operation is. Only PENDING and SENDING operations are (re)sent. */
public enum OpState {
    /** Planned, not sent. */
    PENDING,
    /** Its chunk started sending it; if the run died, its outcome is unknown and is checked before resending. */
    SENDING,
    /** Applied (or found already applied). */
    DONE,
    /** Failed for good; the row is reported as failed. */
    FAILED,
    /** Held back by a safety rule (last org admin, protected user, removal limit). */
    BLOCKED
}
