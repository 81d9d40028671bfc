package dev.scimsync.job;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

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

    /** Each code in words, as the summary, the report page and {@code --help} say it: the one place they are written. */
    private static final Map<Integer, String> MEANINGS = meanings();

    private ExitCodes() {
    }

    private static Map<Integer, String> meanings() {
        Map<Integer, String> m = new LinkedHashMap<>();
        m.put(OK, "all in sync");
        m.put(FAILURES, "finished, some rows or operations failed (see results.csv)");
        m.put(USAGE, "usage or configuration error");
        m.put(SAFETY_STOP, "stopped by a safety limit, nothing removed");
        m.put(ABORTED, "aborted; fix the cause and run 'scim-sync resume'");
        m.put(INPUT_REJECTED, "input rejected before any write");
        return Collections.unmodifiableMap(m);
    }

    /** An exit code in words, as the summary and the report page say it. */
    public static String meaning(int exitCode) {
        return MEANINGS.getOrDefault(exitCode, "unknown");
    }

    /**
     * Every exit code and its meaning, in order, for {@code --help}: with, for 4, its causes and the other case that
     * ends with it (a run of the job already going on) that no summary ever says.
     */
    public static Map<String, String> helpList() {
        Map<String, String> help = new LinkedHashMap<>();
        MEANINGS.forEach((code, meaning) -> help.put(String.valueOf(code), code == ABORTED
                ? "aborted (authentication, target unreachable, error rate): resumable; or another run of the job is"
                + " in progress (nothing done)" : meaning));
        return help;
    }
}
