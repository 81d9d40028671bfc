package dev.scimsync.emulator;

import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Injected faults, decided per authenticated request before it is processed (so a faulted request has no
 * effect): 429 with probability {@code throttleRate}, else 500 or 503 with probability {@code failRate}.
 * Every request draws the same three numbers from one seeded generator, so a given seed and request order
 * always give the same statuses.
 */
final class Faults {

    private final double throttleRate;
    private final double failRate;
    private final String retryAfter;
    private final Random random;

    Faults(double throttleRate, double failRate, long seed, int retryAfterSeconds) {
        this.throttleRate = throttleRate;
        this.failRate = failRate;
        this.retryAfter = Integer.toString(retryAfterSeconds);
        this.random = new Random(seed);
    }

    /** The fault to answer instead of processing the request, if any. */
    Optional<ScimResponse> next() {
        if (throttleRate == 0.0 && failRate == 0.0) {
            return Optional.empty();
        }
        double throttle;
        double fail;
        boolean unavailable;
        synchronized (random) {
            throttle = random.nextDouble();
            fail = random.nextDouble();
            unavailable = random.nextBoolean();
        }
        if (throttle < throttleRate) {
            return Optional.of(ScimResponse.error(429, null, "too many requests (injected fault)",
                    Map.of("Retry-After", retryAfter)));
        }
        if (fail < failRate) {
            return Optional.of(unavailable
                    ? ScimResponse.error(503, null, "service unavailable (injected fault)",
                            Map.of("Retry-After", retryAfter))
                    : ScimResponse.error(500, null, "internal server error (injected fault)", Map.of()));
        }
        return Optional.empty();
    }
}
