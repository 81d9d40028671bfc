package dev.scimsync.scim;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Waits for a while: the retryer's backoff and the rate limiter's pacing both go through one. */
@FunctionalInterface
interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    /** The thread sleeps at least {@code duration}, rounded up to the next millisecond. */
    Sleeper THREAD = duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos());
}
