package dev.scimsync.scim;

import feign.RequestInterceptor;
import feign.RequestTemplate;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Duration;

/**
 * Limits requests per second across every thread that shares the client. Feign runs interceptors once per attempt,
 * so retries are limited too. One permit per {@code 1/rps} period spreads requests evenly instead of in bursts.
 */
final class RateLimitInterceptor implements RequestInterceptor {

    /** Long enough that a queue of waiting threads never fails spuriously. */
    private static final Duration MAX_WAIT = Duration.ofHours(1);

    private final RateLimiter limiter;

    RateLimitInterceptor(double requestsPerSecond) {
        if (!(requestsPerSecond > 0)) {
            throw new IllegalArgumentException("requestsPerSecond must be positive, was " + requestsPerSecond);
        }
        long periodNanos = Math.max(1_000L, Math.round(1_000_000_000d / requestsPerSecond));
        this.limiter = RateLimiter.of("scim-requests", RateLimiterConfig.custom()
                .limitForPeriod(1)
                .limitRefreshPeriod(Duration.ofNanos(periodNanos))
                .timeoutDuration(MAX_WAIT)
                .build());
    }

    @Override
    public void apply(RequestTemplate template) {
        if (!limiter.acquirePermission()) {
            if (Thread.currentThread().isInterrupted()) {
                throw new IllegalStateException("interrupted while waiting for the request rate limit");
            }
            throw new IllegalStateException("waited more than " + MAX_WAIT + " for the request rate limit");
        }
    }
}
