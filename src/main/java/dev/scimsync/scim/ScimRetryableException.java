package dev.scimsync.scim;

import java.time.Duration;
import java.util.Optional;

/**
 * A transient failure: 429, 503 or another 5xx, or an I/O error ({@code status -1}) on a request that is safe to
 * repeat. Seen by callers only once the retries are used up.
 */
public class ScimRetryableException extends ScimException {

    private final Duration retryAfter;

    public ScimRetryableException(String message, int status, ScimError error, String method, String url,
            Duration retryAfter, Throwable cause) {
        super(message, status, error, method, url, cause);
        this.retryAfter = retryAfter;
    }

    /** The server's {@code Retry-After}, when it sent one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
