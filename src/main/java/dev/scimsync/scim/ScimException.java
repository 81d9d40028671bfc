package dev.scimsync.scim;

import java.util.Optional;

/**
 * A SCIM request failed. Carries the HTTP status ({@code -1} when no response arrived), the SCIM error body (empty
 * when the server sent none or no JSON), the method and the URL. The message reads like
 * {@code POST /Users → 409 uniqueness: User already exists}.
 */
public class ScimException extends RuntimeException {

    private final int status;
    private final ScimError error;
    private final String method;
    private final String url;

    public ScimException(String message, int status, ScimError error, String method, String url, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.error = error == null ? ScimError.empty() : error;
        this.method = method;
        this.url = url;
    }

    /** The HTTP status, or {@code -1} when the request got no response. */
    public int status() {
        return status;
    }

    public ScimError error() {
        return error;
    }

    /** The SCIM {@code detail}, when the server sent one. */
    public Optional<String> detail() {
        return Optional.ofNullable(error.detail());
    }

    public String method() {
        return method;
    }

    public String url() {
        return url;
    }
}
