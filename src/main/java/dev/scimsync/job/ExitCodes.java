package dev.scimsync.job;

/** The process exit codes (the README's table); cron wrappers act on them, so they never change meaning. */
public final class ExitCodes {
    /** Everything is in sync. */
    public static final int OK = 0;
    /** The run finished, but some rows or operations failed. */
    public static final int FAILURES = 1;
    /** Usage or configuration error. */
    public static final int USAGE = 2;
    /** Stopped by a safety limit; nothing was removed. */
    public static final int SAFETY_STOP = 3;
    /**
     * Aborted (authentication, target unreachable, error rate); resumable. Also: another run of the job holds the
     * state database or the job's lock, so this one did nothing.
     */
    public static final int ABORTED = 4;
    /** Input rejected before any write. */
    public static final int INPUT_REJECTED = 5;

    private ExitCodes() {
    }

    /** An exit code in words, as the summary and the report page say it. */
    public static String meaning(int exitCode) {
        return switch (exitCode) {
            case OK -> "all in sync";
            case FAILURES -> "finished, some rows or operations failed (see results.csv)";
            case USAGE -> "usage or configuration error";
            case SAFETY_STOP -> "stopped by a safety limit, nothing removed";
            case ABORTED -> "aborted; fix the cause and run 'scim-sync resume'";
            case INPUT_REJECTED -> "input rejected before any write";
            default -> "unknown";
        };
    }
}
