package dev.scimsync.cli;

import dev.scimsync.job.JobApplication;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * Explains in one line why the state database could not be opened. Spring's own report of a failed start (the
 * whole stack, about 120 lines) is switched off in logback.xml: a cron mail gets this line instead.
 */
final class StateDbErrors {

    private StateDbErrors() {
    }

    /** The line to print after {@code scim-sync: }; {@code url} is the {@code --state-db} given, or null. */
    static String explain(Throwable e, String url) {
        if (isLocked(e)) {
            Path file = h2File(url != null ? url : JobApplication.DEFAULT_STATE_DB);
            return "another scim-sync run is using the state database" + (file == null ? "" : " " + file)
                    + " (H2 allows one process at a time); try again when it has finished";
        }
        return "cannot open the state database: " + rootMessage(e);
    }

    /**
     * The line for a state database that opened but lacks a table or column a read needs: one an older scim-sync
     * made, whose tables only a run of a job brings up to date (the commands that only read it never change it).
     */
    static String unreadable(Throwable e) {
        return "cannot read the state database (made by an older scim-sync? a plan or sync run brings its tables up"
                + " to date): " + rootMessage(e);
    }

    /**
     * A database that cannot be reached or logged in to, or a URL no driver takes (the pool says so): the user's
     * setting, not a bug, so no stack trace at the default level.
     */
    static boolean isExpected(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            boolean fromPool = t.getStackTrace().length > 0
                    && t.getStackTrace()[0].getClassName().startsWith("com.zaxxer.hikari.");
            if (t instanceof SQLException || fromPool) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLocked(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (message.contains("Database may be already in use") || message.contains("The file is locked")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The absolute, normalised path of an H2 file database as H2 opens it ({@code ./} is the working directory,
     * {@code ~} the home directory), without H2's {@code .mv.db}; null for other databases.
     */
    static Path h2File(String url) {
        if (!url.startsWith("jdbc:h2:")) {
            return null;
        }
        String name = url.substring("jdbc:h2:".length()).split(";", 2)[0];
        if (name.startsWith("file:")) {
            name = name.substring("file:".length());
        } else if (name.matches("(?i)(mem|tcp|ssl|zip|split|nio\\w*|async|memFS|memLZF|retry):.*")) {
            return null;
        }
        try {
            Path path = name.startsWith("~") ? Path.of(System.getProperty("user.home") + name.substring(1))
                    : Path.of(name);
            return path.toAbsolutePath().normalize();
        } catch (InvalidPathException ignored) {
            return null;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        return message.lines().findFirst().orElse(message);
    }
}
