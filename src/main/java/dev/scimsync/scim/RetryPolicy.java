package dev.scimsync.scim;

import java.time.Duration;

/**
 * How {@link ScimRetryer} backs off: full jitter between 0 and {@code min(maxBackoff, initialBackoff·2^(n-1))},
 * or the server's {@code Retry-After} capped at {@code maxRetryAfter}. {@code maxAttempts} counts the first one.
 */
record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter,
        Sleeper sleeper) {

    static final Duration DEFAULT_MAX_RETRY_AFTER = Duration.ofSeconds(60);

    RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0 || maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("need 0 <= initialBackoff <= maxBackoff and maxRetryAfter >= 0");
        }
    }
}
