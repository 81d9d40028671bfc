package dev.scimsync.state;

import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One run per job name at a time, whichever machine starts it.
 *
 * <p>On PostgreSQL: a session-level advisory lock, {@code pg_try_advisory_lock(CLASS, hashtext(job name))}, taken on
 * a connection held for the whole run. The server releases it when that session ends — also when the process is
 * killed or its machine disappears — so there is no stale lock to clear and no heartbeat to keep. A second run
 * does not wait: it is refused at once. (A pooler in transaction mode, e.g. PgBouncer, would break session locks:
 * point the state database at the server itself.)
 *
 * <p>On H2 the database file itself is locked by the process that opened it, so a second process never gets this
 * far; within one process nothing more is needed.
 */
@Component
public class JobLocks {

    /** The first key of scim-sync's advisory locks, so they cannot clash with another application's. */
    static final int LOCK_CLASS = 0x5C1A5C;

    private final DataSource dataSource;

    public JobLocks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Takes the lock of a job or throws {@link JobLockedException} at once; close the lock when the run ends. */
    public Lock acquire(String jobName) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                connection.close();
                return () -> { };
            }
            connection.setAutoCommit(true);
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_lock(?, hashtext(?))")) {
                lock.setInt(1, LOCK_CLASS);
                lock.setString(2, jobName);
                try (ResultSet rs = lock.executeQuery()) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        connection.close();
                        throw new JobLockedException(jobName);
                    }
                }
            }
            return new Held(connection, jobName);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new IllegalStateException("cannot lock job " + jobName + " in the state database: "
                    + e.getMessage(), e);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing after a failure: the first error is the one to report
            }
        }
    }

    /** A held job lock. */
    public interface Lock extends AutoCloseable {
        @Override
        void close();
    }

    private record Held(Connection connection, String jobName) implements Lock {
        @Override
        public void close() {
            try (PreparedStatement unlock = connection.prepareStatement("SELECT pg_advisory_unlock(?, hashtext(?))")) {
                unlock.setInt(1, LOCK_CLASS);
                unlock.setString(2, jobName);
                unlock.execute();
            } catch (SQLException ignored) {
                // the session ends just below, which releases the lock as well
            } finally {
                closeQuietly(connection);
            }
        }
    }
}
