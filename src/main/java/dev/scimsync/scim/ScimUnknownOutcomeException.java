package dev.scimsync.scim;

/**
 * A non-idempotent request (a POST) failed in a way that leaves its outcome unknown: the connection broke or timed
 * out after the request was sent, or the server answered 500/502/504. It was NOT sent again. The caller must look
 * the resource up (a GET with a filter) before resending, or it may create a duplicate.
 */
public class ScimUnknownOutcomeException extends ScimException {

    public ScimUnknownOutcomeException(String message, int status, ScimError error, String method, String url,
            Throwable cause) {
        super(message, status, error, method, url, cause);
    }
}
