package dev.scimsync.state;

import org.springframework.jdbc.core.JdbcTemplate;

/** A JdbcTemplate for queries that read a table through: rows are fetched a page at a time where the driver can. */
final class Streaming {

    /** Rows fetched at a time; PostgreSQL only does so inside a transaction, H2 keeps large results on disk. */
    static final int FETCH_SIZE = 1000;

    private Streaming() {
    }

    static JdbcTemplate of(JdbcTemplate jdbc) {
        JdbcTemplate streaming = new JdbcTemplate(jdbc.getDataSource());
        streaming.setFetchSize(FETCH_SIZE);
        streaming.setExceptionTranslator(jdbc.getExceptionTranslator());
        return streaming;
    }
}
