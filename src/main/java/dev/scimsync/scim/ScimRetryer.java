package dev.scimsync.scim;

import feign.Request.HttpMethod;
import feign.RetryableException;
import feign.Retryer;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLHandshakeException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;

/**
 * Exponential backoff with full jitter, honouring {@code Retry-After}. Never repeats a request whose first copy
 * may have been processed when repeating it is not safe: a POST that got no response (unless the connection was
 * never made) or a 500/502/504 surfaces as {@link ScimUnknownOutcomeException}, sent once. GET, PUT, PATCH and
 * DELETE are retried on I/O errors and retryable statuses.
 *
 * <p>Feign clones the retryer for every call, so the attempt counter is per call; the shared prototype holds only
 * the immutable policy and is safe to share between threads.
 */
final class ScimRetryer implements Retryer {

    private final RetryPolicy policy;
    private final String baseUrl;
    private int attempt = 1;

    ScimRetryer(RetryPolicy policy, String baseUrl) {
        this.policy = policy;
        this.baseUrl = baseUrl;
    }

    @Override
    public void continueOrPropagate(RetryableException e) {
        if (e.getCause() instanceof ScimException failure) {
            onStatus(e, failure);
        } else {
            onIoError(e);
        }
        attempt++;
    }

    private void onStatus(RetryableException e, ScimException failure) {
        if (e.method() == HttpMethod.POST && !ScimErrors.wasNotProcessed(failure.status())) {
            throw new ScimUnknownOutcomeException(failure.getMessage() + " — the outcome is unknown: look it up"
                    + " before sending it again", failure.status(), failure.error(), failure.method(),
                    failure.url(), failure);
        }
        if (attempt >= policy.maxAttempts()) {
            throw e; // unwrapped to the typed exception by ExceptionPropagationPolicy.UNWRAP
        }
        Optional<Duration> retryAfter = failure instanceof ScimRetryableException retryable
                ? retryable.retryAfter() : Optional.empty();
        sleep(retryAfter.map(this::capped).orElseGet(this::jitter), failure);
    }

    private void onIoError(RetryableException e) {
        String method = e.method() == null ? "?" : e.method().name();
        String url = e.hasRequest() ? e.request().url() : baseUrl;
        String path = ScimErrors.path(url, baseUrl);
        ScimTlsException tls = ScimErrors.tlsFailure(method, path, url, e.getCause());
        if (tls != null) {
            throw tls; // the same certificate would be refused again; and nothing was sent
        }
        String message = ScimErrors.describeIo(method, path, e.getCause());
        if (e.method() == HttpMethod.POST && !nothingWasSent(e.getCause())) {
            throw new ScimUnknownOutcomeException(message + " — the outcome is unknown: look it up before sending"
                    + " it again", -1, null, method, url, e.getCause());
        }
        ScimRetryableException failure = new ScimRetryableException(message, -1, null, method, url, null,
                e.getCause());
        if (attempt >= policy.maxAttempts()) {
            throw failure;
        }
        sleep(jitter(), failure);
    }

    /**
     * The connection was never made (refused, connect timeout, no pooled connection, failed TLS handshake): the
     * request never left.
     */
    static boolean nothingWasSent(Throwable cause) {
        return cause instanceof ConnectException
                || cause instanceof SSLHandshakeException // TLS is set up before the request goes out
                || cause instanceof ConnectTimeoutException
                || cause instanceof ConnectionRequestTimeoutException;
    }

    private Duration capped(Duration retryAfter) {
        return retryAfter.compareTo(policy.maxRetryAfter()) > 0 ? policy.maxRetryAfter() : retryAfter;
    }

    private Duration jitter() {
        long initial = policy.initialBackoff().toMillis();
        long ceiling = Math.min(policy.maxBackoff().toMillis(), initial << Math.min(attempt - 1, 30));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1));
    }

    private void sleep(Duration delay, ScimException failure) {
        try {
            policy.sleeper().sleep(delay);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }

    @Override
    public Retryer clone() {
        return new ScimRetryer(policy, baseUrl);
    }

    int attempt() {
        return attempt;
    }
}
