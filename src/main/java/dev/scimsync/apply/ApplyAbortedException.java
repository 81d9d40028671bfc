package dev.scimsync.apply;

/** Applying stopped for a reason that will fail every operation alike; the run can be resumed. */
public class ApplyAbortedException extends RuntimeException {

    public ApplyAbortedException(String message) {
        super(message);
    }

    public ApplyAbortedException(String message, Throwable cause) {
        super(message, cause);
    }
}
