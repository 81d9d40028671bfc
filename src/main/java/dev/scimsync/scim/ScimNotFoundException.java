package dev.scimsync.scim;

/** 404 Not Found. */
public class ScimNotFoundException extends ScimException {

    public ScimNotFoundException(String message, int status, ScimError error, String method, String url) {
        super(message, status, error, method, url, null);
    }
}
