package dev.scimsync.cli;

import dev.scimsync.job.ExitCodes;
import dev.scimsync.state.StateSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code history}, {@code report} and {@code explain} read the state database without starting the application:
 * they create nothing (no file, no table, no Spring Batch table), migrate nothing, and answer as before on every kind
 * of database they may be given.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ReadCommandsTest {

    private static final String RUN = "20261201-020000-0a0b";

    @TempDir
    Path dir;

    @AfterEach
    void forgetCredentials() {
        System.clearProperty("spring.datasource.username");
        System.clearProperty("spring.datasource.password");
    }

    /** Each read command, and what it answers on a state database without runs. */
    static Stream<Arguments> onAnEmptyDatabase() {
        return Stream.of(
                Arguments.of(List.of("history"), ExitCodes.OK, "no runs in the state database yet"),
                Arguments.of(List.of("history", "--limit", "3"), ExitCodes.OK, "no runs in the state database yet"),
                Arguments.of(List.of("report", "20990101-000000-0000"), ExitCodes.USAGE,
                        "scim-sync: no run 20990101-000000-0000 in the state database (see 'scim-sync history')"),
                Arguments.of(List.of("explain", "nobody@example.com"), ExitCodes.USAGE,
                        "scim-sync: no run has seen user nobody@example.com"),
                Arguments.of(List.of("explain", "research"), ExitCodes.USAGE,
                        "scim-sync: no run has seen team research"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("onAnEmptyDatabase")
    void anH2FileThatIsNotThereReadsAsEmptyAndIsNotCreated(List<String> command, int exitCode, String answer)
            throws IOException {
        for (String url : List.of("jdbc:h2:file:" + dir.resolve("state") + ";WRITE_DELAY=0",
                "jdbc:h2:" + dir.resolve("sub/../state"), "jdbc:h2:file:" + dir.resolve("no/such/dir/state"))) {
            Cli cli = read(command, url);

            assertThat(cli.exitCode).as(url + "\n" + cli).isEqualTo(exitCode);
            assertThat(cli.out + cli.err).as(url).isEqualTo(answer + "\n");
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files).as(url).isEmpty();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("onAnEmptyDatabase")
    void aDatabaseWithoutTheTablesReadsAsEmptyAndIsGivenNone(List<String> command, int exitCode, String answer)
            throws SQLException {
        String url = "jdbc:h2:file:" + dir.resolve("state");
        try (Connection db = DriverManager.getConnection(url)) {
            db.createStatement().execute("CREATE TABLE something_else (id INT)");
        }

        Cli cli = read(command, url);

        assertThat(cli.exitCode).as(cli.toString()).isEqualTo(exitCode);
        assertThat(cli.out + cli.err).isEqualTo(answer + "\n");
        assertThat(tables(url)).containsExactly("SOMETHING_ELSE");
    }

    @Test
    void aDatabaseOfRunsIsReadWithoutStartingSpringBatch() throws SQLException {
        String url = stateWithOneRun();

        Cli history = read(List.of("history"), url);
        Cli report = read(List.of("report", RUN), url);
        Cli explain = read(List.of("explain", "Alice@Example.com"), url);

        assertThat(history.exitCode).as(history.toString()).isZero();
        assertThat(history.out.split("\n")).hasSize(2);
        assertThat(history.out.split("\n")[1]).contains(RUN, "nightly", "sync", "users:" + "ab".repeat(6),
                "(not finished)");
        assertThat(report.exitCode).as(report.toString()).isZero();
        assertThat(report.out).contains("run " + RUN + ": sync of job nightly", "not finished: still running",
                "(the folder is gone)");
        assertThat(explain.exitCode).as(explain.toString()).isZero();
        assertThat(explain.out).startsWith("user Alice@Example.com, as of run " + RUN).contains("active (line 2)");
        // the application would have made Spring Batch's tables (spring.batch.jdbc.initialize-schema=always)
        assertThat(tables(url)).noneMatch(t -> t.startsWith("BATCH_")).contains("SYNC_RUN");
    }

    /** Reading an H2 file leaves it as it was, byte for byte: H2 opened for writing compacts the file on close. */
    @Test
    void theStateFileIsNotRewrittenByAnyReadCommand() throws SQLException, IOException {
        String url = stateWithOneRun() + ";WRITE_DELAY=0";
        Path file = dir.resolve("state.mv.db");
        for (List<String> command : List.of(List.of("history"), List.of("report", RUN),
                List.of("explain", "Alice@Example.com"), List.of("explain", "research"))) {
            String before = sha256(file);

            Cli cli = read(command, url);

            assertThat(cli.exitCode).as(cli.toString()).isIn(ExitCodes.OK, ExitCodes.USAGE);
            assertThat(sha256(file)).as(String.join(" ", command)).isEqualTo(before);
        }
    }

    /**
     * A URL with {@code AUTO_SERVER=TRUE} (so that the commands can read while a run holds the file) is read as given:
     * H2 refuses to open such a database read-only.
     */
    @Test
    void anAutoServerUrlIsReadAsGiven() throws SQLException {
        String url = stateWithOneRun() + ";AUTO_SERVER=TRUE";

        Cli history = read(List.of("history"), url);
        Cli explain = read(List.of("explain", "Alice@Example.com"), url);

        assertThat(history.exitCode).as(history.toString()).isZero();
        assertThat(history.out).contains(RUN);
        assertThat(explain.exitCode).as(explain.toString()).isZero();
    }

    private static String sha256(Path file) throws IOException {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every column an older database lacks (each ADD COLUMN of schema.sql), on every read command. */
    static Stream<Arguments> addedColumns() throws IOException {
        String schema;
        try (InputStream in = StateSchema.class.getResourceAsStream("/dev/scimsync/state/schema.sql")) {
            schema = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher added = Pattern.compile("ALTER TABLE (\\w+) ADD COLUMN IF NOT EXISTS (\\w+)").matcher(schema);
        List<Arguments> columns = new ArrayList<>();
        while (added.find()) {
            columns.add(Arguments.of(added.group(1), added.group(2)));
        }
        assertThat(columns).hasSizeGreaterThanOrEqualTo(5);
        return columns.stream();
    }

    @ParameterizedTest(name = "{0}.{1}")
    @MethodSource("addedColumns")
    void anOlderDatabaseIsExplainedInOneLineAndNotMigrated(String table, String column) throws SQLException {
        String url = stateWithOneRun();
        try (Connection db = DriverManager.getConnection(url)) {
            db.createStatement().execute("ALTER TABLE " + table + " DROP COLUMN " + column);
        }

        Cli history = read(List.of("history"), url);

        // history reads sync_run and input_file: a column either lacks is the one-line message; a column of a table
        // history does not read (a later run's staging data) costs it nothing, and the run is still listed
        if (Set.of("sync_run", "input_file").contains(table.toLowerCase(Locale.ROOT))) {
            assertThat(history.exitCode).as(history.toString()).isEqualTo(ExitCodes.ABORTED);
            assertThat(history.out).isEmpty();
            assertThat(history.err).startsWith("scim-sync: cannot read the state database (made by an older"
                    + " scim-sync? a plan or sync run brings its tables up to date): ")
                    .contains(column.toUpperCase(Locale.ROOT)).hasLineCount(1);
        } else {
            assertThat(history.exitCode).as(history.toString()).isZero();
            assertThat(history.out).contains(RUN);
        }
        assertThat(columns(url, table)).doesNotContain(column.toUpperCase(Locale.ROOT));
    }

    static Stream<Arguments> wrongCredentials() {
        return Stream.of(Arguments.of("intruder", null), Arguments.of(null, "guess"), Arguments.of("sa", "sa"));
    }

    @ParameterizedTest(name = "user {0}, password {1}")
    @MethodSource("wrongCredentials")
    void credentialsTheDatabaseRefusesAreOneLineAndExit4(String user, String password) throws SQLException {
        String url = stateWithOneRun();
        if (user != null) {
            System.setProperty("spring.datasource.username", user);
        }
        if (password != null) {
            System.setProperty("spring.datasource.password", password);
        }
        for (List<String> command : List.of(List.of("history"), List.of("report", RUN),
                List.of("explain", "research"))) {
            Cli cli = read(command, url);

            assertThat(cli.exitCode).as(cli.toString()).isEqualTo(ExitCodes.ABORTED);
            assertThat(cli.out).isEmpty();
            assertThat(cli.err).startsWith("scim-sync: cannot open the state database: Wrong user name or password")
                    .hasLineCount(1).doesNotContain(password == null ? "\u0000" : password);
        }
    }

    private static Cli read(List<String> command, String url) {
        List<String> args = new ArrayList<>(command);
        args.addAll(List.of("--state-db", url));
        return Cli.run(args.toArray(String[]::new));
    }

    /** An H2 file with scim-sync's tables (and no others) and one unfinished run that loaded one user. */
    private String stateWithOneRun() throws SQLException {
        String url = "jdbc:h2:file:" + dir.resolve("state");
        try (Connection db = DriverManager.getConnection(url)) {
            new StateSchema(new SingleConnectionDataSource(db, true));
            JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(db, true));
            jdbc.update("INSERT INTO sync_run (run_id, job_name, command, config_json, out_dir, started_at)"
                    + " VALUES (?, 'nightly', 'sync', '{}', ?, CURRENT_TIMESTAMP)", RUN,
                    dir.resolve("gone").toString());
            jdbc.update("INSERT INTO input_file (run_id, kind, path, sha256, row_count) VALUES (?, 'users', 'u.csv',"
                    + " ?, 1)", RUN, "ab".repeat(32));
            jdbc.update("INSERT INTO desired_user (run_id, line_no, email, email_key, active, raw)"
                    + " VALUES (?, 2, 'alice@example.com', 'alice@example.com', TRUE, '[]')", RUN);
        }
        return url;
    }

    private static List<String> tables(String url) throws SQLException {
        try (Connection db = DriverManager.getConnection(url)) {
            return new JdbcTemplate(new SingleConnectionDataSource(db, true)).queryForList(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = CURRENT_SCHEMA",
                    String.class);
        }
    }

    private static List<String> columns(String url, String table) throws SQLException {
        try (Connection db = DriverManager.getConnection(url)) {
            return new JdbcTemplate(new SingleConnectionDataSource(db, true)).queryForList(
                    "SELECT column_name FROM information_schema.columns WHERE table_schema = CURRENT_SCHEMA"
                            + " AND LOWER(table_name) = ?", String.class, table.toLowerCase(Locale.ROOT));
        }
    }
}
