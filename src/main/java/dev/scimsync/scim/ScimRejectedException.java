package dev.scimsync.scim;

/** Any other 4xx: the server refused the request for good; sending it again will not help. */
public class ScimRejectedException extends ScimException {

    public ScimRejectedException(String message, int status, ScimError error, String method, String url) {
        super(message, status, error, method, url, null);
    }
}
