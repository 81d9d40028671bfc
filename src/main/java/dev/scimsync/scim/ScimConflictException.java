package dev.scimsync.scim;

/** 409 Conflict: the resource already exists (W&B answers this to a duplicate create). */
public class ScimConflictException extends ScimException {

    public ScimConflictException(String message, int status, ScimError error, String method, String url) {
        super(message, status, error, method, url, null);
    }
}
