package dev.scimsync.scim;

/** 412 Precondition Failed: the {@code If-Match} version is stale; re-read and try again. */
public class ScimPreconditionFailedException extends ScimException {

    public ScimPreconditionFailedException(String message, int status, ScimError error, String method, String url) {
        super(message, status, error, method, url, null);
    }
}
