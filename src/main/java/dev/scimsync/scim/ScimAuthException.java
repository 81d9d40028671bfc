package dev.scimsync.scim;

/**
 * 401 or 403: the credentials do not work (a missing or invalid key, or a key without admin rights). Fatal for a
 * run: every further request would fail the same way.
 */
public class ScimAuthException extends ScimException {

    public ScimAuthException(String message, int status, ScimError error, String method, String url) {
        super(message, status, error, method, url, null);
    }
}
