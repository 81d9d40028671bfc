package dev.scimsync.scim;

import java.time.Duration;
import javax.net.ssl.SSLPeerUnverifiedException;

/** Maps an HTTP outcome to the typed exception, with a message that names the request and the SCIM error. */
final class ScimErrors {

    private ScimErrors() {
    }

    static ScimException forStatus(int status, ScimError error, String method, String url, String path,
            Duration retryAfter) {
        String message = describe(method, path, status, error);
        return switch (status) {
            case 401 -> new ScimAuthException(message + " — the API key is missing or invalid (check the key"
                    + " variable and the auth scheme)", status, error, method, url);
            case 403 -> new ScimAuthException(message + " — the API key lacks admin rights (use an org or instance"
                    + " admin, or an org-scoped service account)", status, error, method, url);
            case 404 -> new ScimNotFoundException(message, status, error, method, url);
            case 407 -> new ScimAuthException(message + " — the proxy wants credentials, or refused them (give them"
                    + " as user:password@ in the proxy variable, or name a variable with target.proxy-credentials-env)",
                    status, error, method, url);
            case 409 -> new ScimConflictException(message, status, error, method, url);
            case 412 -> new ScimPreconditionFailedException(message, status, error, method, url);
            default -> isRetryable(status)
                    ? new ScimRetryableException(message, status, error, method, url, retryAfter, null)
                    : new ScimRejectedException(message, status, error, method, url);
        };
    }

    /** 408, 429 and every 5xx but 501 may succeed later; 501 says the server has no such operation at all. */
    static boolean isRetryable(int status) {
        return status == 408 || status == 429 || status >= 500 && status != 501;
    }

    /** 408, 429 and 503 say the server did not process the request, so even a POST may be sent again. */
    static boolean wasNotProcessed(int status) {
        return status == 408 || status == 429 || status == 503;
    }

    /** {@code POST /Users → 409 uniqueness: User already exists}. */
    static String describe(String method, String path, int status, ScimError error) {
        StringBuilder text = new StringBuilder(method).append(' ').append(path).append(" → ").append(status);
        if (error.scimType() != null && !error.scimType().isBlank()) {
            text.append(' ').append(error.scimType());
        }
        if (error.detail() != null && !error.detail().isBlank()) {
            text.append(": ").append(error.detail());
        }
        return text.toString();
    }

    /** {@code POST /Users → no response (Connection reset)}. */
    static String describeIo(String method, String path, Throwable cause) {
        return method + ' ' + path + " → no response (" + (cause == null ? "I/O error" : cause) + ')';
    }

    /**
     * The refusal of the target's certificate behind an I/O error, as a {@link ScimTlsException} in one line; null
     * when the error is no certificate problem. HttpClient's own host name check fails with an
     * {@link SSLPeerUnverifiedException} that names the host and the certificate's names.
     */
    static ScimTlsException tlsFailure(String method, String path, String url, Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof UntrustedCertificateException refused) {
                return new ScimTlsException(method + ' ' + path + " → TLS: " + refused.getMessage(), method, url,
                        refused);
            }
            if (t instanceof SSLPeerUnverifiedException unverified) {
                return new ScimTlsException(method + ' ' + path + " → TLS: " + unverified.getMessage(), method, url,
                        unverified);
            }
        }
        return null;
    }

    /** The URL relative to the base URL, without its query (which may hold e-mails): {@code /Users/abc}. */
    static String path(String url, String baseUrl) {
        String path = url.startsWith(baseUrl) ? url.substring(baseUrl.length()) : url;
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }
}
