package dev.scimsync.job;

/**
 * A user's mistake in what was asked (an unknown run id, a finished run to resume, options that do not go together):
 * the command says so in one line and exits 2. Only this and a configuration error mean exit 2; any other exception
 * is a bug, never shown as a usage error.
 */
public class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }
}
