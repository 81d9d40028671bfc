package dev.scimsync.apply;

/**
 * Aborts a run whose recent operations mostly fail: a target that is down or rejects everything would otherwise
 * produce thousands of identical failures. The rate is taken over a sliding window of the last operations.
 */
final class ErrorRateGuard {

    static final int WINDOW = 50;

    private final double maxRate;
    private final boolean[] failures = new boolean[WINDOW];
    private int next;
    private int filled;
    private int failed;

    ErrorRateGuard(double maxRate) {
        this.maxRate = maxRate;
    }

    /** Records an outcome; throws once the window is full and its failure rate is above the limit. */
    synchronized void record(boolean failure) {
        if (filled == WINDOW) {
            if (failures[next]) {
                failed--;
            }
        } else {
            filled++;
        }
        failures[next] = failure;
        if (failure) {
            failed++;
        }
        next = (next + 1) % WINDOW;
        if (filled == WINDOW && (double) failed / WINDOW > maxRate) {
            throw new ApplyAbortedException(String.format(
                    "%d of the last %d operations failed (limits.max-error-rate %.0f%%); stopping so the run can be"
                            + " resumed once the target is healthy", failed, WINDOW, maxRate * 100));
        }
    }
}
