package dev.scimsync.scim;

/** The API key is not available; the message names the environment variable, never its value. */
public class MissingCredentialException extends RuntimeException {

    public MissingCredentialException(String message) {
        super(message);
    }
}
