package dev.scimsync.state;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Statement;
import java.util.function.Supplier;

/**
 * Reading tables through, a page at a time where the database can: PostgreSQL fetches {@link #FETCH_SIZE} rows at a
 * time inside a transaction; H2 reads them as they are asked for ({@code LAZY_QUERY_EXECUTION}) instead of copying
 * the whole result into a temporary store first, within {@link #lazily}.
 */
final class Streaming {

    static final int FETCH_SIZE = 1000;

    private final JdbcTemplate jdbc;
    private volatile Boolean h2;

    Streaming(JdbcTemplate jdbc) {
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setFetchSize(FETCH_SIZE);
        this.jdbc.setExceptionTranslator(jdbc.getExceptionTranslator());
    }

    /** The template to read with. */
    JdbcTemplate jdbc() {
        return jdbc;
    }

    /**
     * Runs {@code reads} with H2's lazy query execution on, when in a transaction (whose connection every query of
     * {@code reads} then uses); as is otherwise. {@code reads} must not write to the tables it is reading. The
     * setting stays on: the application turns it on for every H2 connection anyway (SyncApplication), and this makes
     * sure of it where a connection comes from elsewhere.
     */
    <T> T lazily(Supplier<T> reads) {
        if (TransactionSynchronizationManager.isActualTransactionActive() && isH2()) {
            lazy();
        }
        return reads.get();
    }

    private boolean isH2() {
        if (h2 == null) {
            h2 = jdbc.execute((ConnectionCallback<Boolean>) c -> "H2".equals(c.getMetaData().getDatabaseProductName()));
        }
        return h2;
    }

    private void lazy() {
        jdbc.execute((ConnectionCallback<Void>) c -> {
            try (Statement s = c.createStatement()) {
                s.execute("SET LAZY_QUERY_EXECUTION TRUE");
            }
            return null;
        });
    }
}
