package dev.scimsync.scim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link ClientClock} that records every wait the client asks for instead of waiting. Its {@code nanoTime} moves
 * only by those waits ({@link #advancing}), as if each had been slept, or not at all ({@link #frozen}), so that
 * waits asked for by several threads at once add up instead of overlapping. Thread-safe.
 */
final class RecordingClock {

    /** The wall clock's fixed instant: {@code Retry-After} dates are written relative to it. */
    static final Instant NOW = Instant.parse("2015-10-21T07:27:30Z");

    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final AtomicLong nanoTime = new AtomicLong();
    private final boolean advances;

    private RecordingClock(boolean advances) {
        this.advances = advances;
    }

    static RecordingClock advancing() {
        return new RecordingClock(true);
    }

    static RecordingClock frozen() {
        return new RecordingClock(false);
    }

    ClientClock clock() {
        return new ClientClock(Clock.fixed(NOW, ZoneOffset.UTC), nanoTime::get, duration -> {
            sleeps.add(duration);
            if (advances) {
                nanoTime.addAndGet(duration.toNanos());
            }
        });
    }

    /** The waits asked for, in the order they were asked. */
    List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }
}
