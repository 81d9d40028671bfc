package dev.scimsync.scim;

/**
 * The TLS handshake with the target failed on its certificate: not trusted, expired, or for another host name. Never
 * retried (it would fail the same way) and never an unknown outcome (nothing was sent). The message is one line
 * that names the host, the certificate's subject and issuer, and what to change.
 */
public class ScimTlsException extends ScimException {

    public ScimTlsException(String message, String method, String url, Throwable cause) {
        super(message, -1, null, method, url, cause);
    }
}
