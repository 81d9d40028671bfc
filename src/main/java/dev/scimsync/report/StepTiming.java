package dev.scimsync.report;

import java.time.Duration;
import java.time.Instant;

/**
 * How one step of a run went; a resumed run has the steps of every execution, oldest first.
 *
 * @param status the step's batch status, e.g. {@code COMPLETED}
 * @param millis milliseconds from start to end, 0 when the step has not ended
 */
public record StepTiming(String name, String status, Instant startedAt, Instant finishedAt, long millis, long read,
                         long written, long filtered, long skipped) {

    public static StepTiming of(String name, String status, Instant startedAt, Instant finishedAt, long read,
                                long written, long filtered, long skipped) {
        long millis = startedAt == null || finishedAt == null ? 0
                : Duration.between(startedAt, finishedAt).toMillis();
        return new StepTiming(name, status, startedAt, finishedAt, millis, read, written, filtered, skipped);
    }
}
