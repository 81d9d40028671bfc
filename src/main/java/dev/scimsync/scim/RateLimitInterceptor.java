package dev.scimsync.scim;

import feign.RequestInterceptor;
import feign.RequestTemplate;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import java.time.Duration;

/**
 * Limits requests per second across every thread that shares the client. Feign runs interceptors once per attempt,
 * so retries are limited too. One permit per {@code 1/rps} period spreads requests evenly instead of in bursts.
 *
 * <p>The permits are resilience4j's: its {@link AtomicRateLimiter} (what {@code RateLimiter.of} builds) reads the
 * time from the {@link ClientClock}, and {@code reservePermission} says how long to wait without waiting, so the
 * wait goes through the clock's {@link Sleeper}. With the system clock this is {@code acquirePermission}, step for
 * step; a test can see the wait asked for without spending it.
 */
final class RateLimitInterceptor implements RequestInterceptor {

    /** Long enough that a queue of waiting threads never fails spuriously. */
    private static final Duration MAX_WAIT = Duration.ofHours(1);

    private final RateLimiter limiter;
    private final Sleeper sleeper;

    RateLimitInterceptor(double requestsPerSecond, ClientClock clock) {
        if (!(requestsPerSecond > 0)) {
            throw new IllegalArgumentException("requestsPerSecond must be positive, was " + requestsPerSecond);
        }
        long periodNanos = Math.max(1_000L, Math.round(1_000_000_000d / requestsPerSecond));
        this.limiter = new AtomicRateLimiter("scim-requests", RateLimiterConfig.custom()
                .limitForPeriod(1)
                .limitRefreshPeriod(Duration.ofNanos(periodNanos))
                .timeoutDuration(MAX_WAIT)
                .build(), clock.nanoTime()::getAsLong);
        this.sleeper = clock.sleeper();
    }

    @Override
    public void apply(RequestTemplate template) {
        long nanosToWait = limiter.reservePermission();
        if (nanosToWait < 0) {
            // no permit within MAX_WAIT: acquirePermission waits that long before it gives up, and so does this
            waitFor(MAX_WAIT);
            throw new IllegalStateException("waited more than " + MAX_WAIT + " for the request rate limit");
        }
        if (nanosToWait > 0) {
            waitFor(Duration.ofNanos(nanosToWait));
        }
    }

    private void waitFor(Duration duration) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the request rate limit");
        }
    }
}
