package dev.scimsync.cli;

import dev.scimsync.input.InputFileRepository;
import dev.scimsync.job.JobApplication;
import dev.scimsync.report.ExplanationRepository;
import dev.scimsync.snapshot.RemoteServiceAccountRepository;
import dev.scimsync.snapshot.SnapshotRepository;
import dev.scimsync.state.RunRepository;
import dev.scimsync.state.StateSchema;
import dev.scimsync.validate.DesiredSetRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The state database as the commands that only read it see it ({@code history}, {@code report}, {@code explain}):
 * one plain JDBC connection and the repositories the job uses, over it. No Spring application, no Spring Batch, no
 * pool: starting those took seconds of a terminal user's time for queries of milliseconds.
 *
 * <p>Reading creates and changes nothing. An H2 file that does not exist is not created, and a database without
 * scim-sync's tables is not given them; either reads as a database without runs (a private in-memory one with the
 * schema), which is what these commands printed when every command created the tables first. An H2 file is opened
 * read-only ({@code ACCESS_MODE_DATA=r}): opened for writing, H2 rewrote and compacted the file when the connection
 * closed, so each {@code history} changed the state file's bytes and spent a tenth of its time doing so.
 */
final class StateReader implements AutoCloseable {

    private final Connection connection;
    private final JdbcTemplate jdbc;

    private StateReader(Connection connection) {
        this.connection = connection;
        this.jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
    }

    /**
     * Opens the state database at {@code url} (null: the default H2 file) with the credentials a job run would use:
     * {@code spring.datasource.username} and {@code .password}, as system properties or in the environment.
     *
     * @throws SQLException when the database cannot be opened (not there, locked, refused, wrong password)
     */
    static StateReader open(String url) throws SQLException {
        String target = url != null ? url : JobApplication.DEFAULT_STATE_DB;
        Path h2File = StateDbErrors.h2File(target);
        if (h2File != null && !Files.exists(Path.of(h2File + ".mv.db"))) {
            return empty();
        }
        Connection connection = DriverManager.getConnection(h2File != null ? readOnly(target) : target,
                setting("username"), setting("password"));
        try {
            if (!hasRunTable(connection)) {
                connection.close();
                return empty();
            }
            connection.setReadOnly(true);
            return new StateReader(connection);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * The H2 URL with the file opened read-only, unless the URL already says how to open it, or asks for
     * {@code AUTO_SERVER=TRUE}: H2 refuses read-only there ("Feature not supported"), so such a URL is opened as given.
     */
    static String readOnly(String h2Url) {
        String[] settings = h2Url.split(";");
        for (int i = 1; i < settings.length; i++) {
            String setting = settings[i].strip().toUpperCase(java.util.Locale.ROOT).replace(" ", "");
            if (setting.startsWith("ACCESS_MODE_DATA=") || setting.equals("AUTO_SERVER=TRUE")) {
                return h2Url;
            }
        }
        return h2Url + ";ACCESS_MODE_DATA=r";
    }

    RunRepository runs() {
        // the schema argument only orders the beans of a job run (tables first); a reader never creates them
        return new RunRepository(jdbc, null);
    }

    InputFileRepository inputFiles() {
        return new InputFileRepository(jdbc, null);
    }

    ExplanationRepository explanations() {
        return new ExplanationRepository(jdbc, runs(), new SnapshotRepository(jdbc, null),
                new DesiredSetRepository(jdbc, null), new RemoteServiceAccountRepository(jdbc, null));
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    /** A database that holds no runs: private to this connection, gone when it closes. */
    private static StateReader empty() throws SQLException {
        Connection connection = DriverManager.getConnection("jdbc:h2:mem:");
        new StateSchema(new SingleConnectionDataSource(connection, true));
        return new StateReader(connection);
    }

    private static boolean hasRunTable(Connection connection) throws SQLException {
        try (Statement query = connection.createStatement();
             ResultSet tables = query.executeQuery("SELECT COUNT(*) FROM information_schema.tables"
                     + " WHERE LOWER(table_name) = 'sync_run' AND table_schema = CURRENT_SCHEMA")) {
            return tables.next() && tables.getLong(1) > 0;
        }
    }

    /**
     * A datasource setting as Spring Boot reads it for a job run: the system property first, then the environment
     * variable; unset or blank is none (the driver's default user).
     */
    private static String setting(String name) {
        String value = System.getProperty("spring.datasource." + name);
        if (value == null || value.isBlank()) {
            value = System.getenv("SPRING_DATASOURCE_" + name.toUpperCase(java.util.Locale.ROOT));
        }
        return value == null || value.isBlank() ? null : value;
    }
}
