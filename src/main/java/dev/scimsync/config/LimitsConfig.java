package dev.scimsync.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * How hard the run may push the target.
 *
 * @param requestsPerSecond shared by all threads; 0 means unlimited
 * @param maxErrorRate      the share of failed operations in a chunk above which the run aborts
 * @param maxAttempts       how many times one request is sent at most (the first time included) when the target
 *                          answers 429, 503 or another 5xx, or a GET or PUT gets no answer
 * @param connectTimeout    how long a connection to the target (or its proxy) may take to open
 * @param readTimeout       how long the target may be silent while it answers one request; a create that times out
 *                          has an unknown outcome, and is looked up before it is sent again
 */
public record LimitsConfig(
        @Min(value = 1, message = "must be between 1 and 10000")
        @Max(value = 10_000, message = "must be between 1 and 10000")
        int chunkSize,
        @Min(value = 1, message = "must be between 1 and 64")
        @Max(value = 64, message = "must be between 1 and 64")
        int concurrency,
        @DecimalMin(value = "0", message = "must be between 0 and 10000 (0 = unlimited)")
        @DecimalMax(value = "10000", message = "must be between 0 and 10000 (0 = unlimited)")
        double requestsPerSecond,
        @DecimalMin(value = "0", inclusive = false, message = "must be more than 0 and at most 1")
        @DecimalMax(value = "1", message = "must be more than 0 and at most 1")
        double maxErrorRate,
        @Min(value = 1, message = "must be between 1 and 20")
        @Max(value = 20, message = "must be between 1 and 20")
        int maxAttempts,
        @NotNull(message = "is required")
        TimeLimit connectTimeout,
        @NotNull(message = "is required")
        TimeLimit readTimeout) {

    public static final int DEFAULT_CHUNK_SIZE = 100;
    public static final int DEFAULT_CONCURRENCY = 8;
    public static final double DEFAULT_REQUESTS_PER_SECOND = 20;
    public static final double DEFAULT_MAX_ERROR_RATE = 0.5;
    public static final int DEFAULT_MAX_ATTEMPTS = 5;
    public static final TimeLimit DEFAULT_CONNECT_TIMEOUT = TimeLimit.ofSeconds(5);
    public static final TimeLimit DEFAULT_READ_TIMEOUT = TimeLimit.ofSeconds(30);

    /** The limits with the default time limits. */
    public LimitsConfig(int chunkSize, int concurrency, double requestsPerSecond, double maxErrorRate,
                        int maxAttempts) {
        this(chunkSize, concurrency, requestsPerSecond, maxErrorRate, maxAttempts, DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_READ_TIMEOUT);
    }

    public static LimitsConfig defaults() {
        return new LimitsConfig(DEFAULT_CHUNK_SIZE, DEFAULT_CONCURRENCY, DEFAULT_REQUESTS_PER_SECOND, DEFAULT_MAX_ERROR_RATE,
                DEFAULT_MAX_ATTEMPTS);
    }

    /** Reads a stored configuration; one stored before a key existed gets its default. */
    @JsonCreator
    static LimitsConfig stored(int chunkSize, int concurrency, double requestsPerSecond, double maxErrorRate,
                               Integer maxAttempts, TimeLimit connectTimeout, TimeLimit readTimeout) {
        return new LimitsConfig(chunkSize, concurrency, requestsPerSecond, maxErrorRate,
                maxAttempts == null ? DEFAULT_MAX_ATTEMPTS : maxAttempts,
                connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout,
                readTimeout == null ? DEFAULT_READ_TIMEOUT : readTimeout);
    }
}
