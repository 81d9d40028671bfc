package dev.scimsync.scim;

import java.time.Clock;
import java.util.function.LongSupplier;

/**
 * Where the client reads the time and how it waits: the wall clock for {@code Retry-After} dates, a monotonic
 * {@code nanoTime} for the rate limiter, and the {@link Sleeper} for backoff and pacing. Production uses the
 * system's; a test hands in one that records the waits asked for instead of spending them.
 */
record ClientClock(Clock wall, LongSupplier nanoTime, Sleeper sleeper) {

    static final ClientClock SYSTEM = new ClientClock(Clock.systemUTC(), System::nanoTime, Sleeper.THREAD);
}
