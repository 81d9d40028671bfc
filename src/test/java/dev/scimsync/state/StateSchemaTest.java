package dev.scimsync.state;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The raw fields of an input row are as long as a line may be: a state database made before, whose raw columns hold
 * at most 1,000,000 characters, is widened once at start-up, on H2 and on PostgreSQL, keeping its rows.
 */
class StateSchemaTest {

    private static final String HUGE = "[\"" + "x".repeat(2_500_000) + "\"]";

    @Test
    void anOldH2DatabaseKeepsItsRowsAndTakesRowsLongerThanAnyVarchar() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        widensAndKeeps(h2);
    }

    @Test
    void anOldPostgresDatabaseKeepsItsRowsAndTakesRowsLongerThanAnyVarchar() {
        TestPostgres.assumeAvailable();
        widensAndKeeps(new DriverManagerDataSource(TestPostgresSchemas.freshSchemaUrl("schema"), TestPostgres.USER,
                TestPostgres.PASSWORD));
    }

    @Test
    void aNewDatabaseTakesThemFromTheStart() {
        StateDatabase db = new StateDatabase();
        db.jdbc.update("INSERT INTO row_error (run_id, kind, line_no, seq, reason, raw) VALUES ('r', 'users', 2, 1,"
                + " 'x', ?)", HUGE);
        assertThat(db.jdbc.queryForObject("SELECT raw FROM row_error", String.class)).isEqualTo(HUGE);
    }

    /** The schema as databases made before this change have it: raw columns of at most 1,000,000 characters. */
    private static void oldSchema(DataSource dataSource) {
        String script;
        try (var in = StateSchema.class.getResourceAsStream("/dev/scimsync/state/schema.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String old = script.replaceAll("(?m)^(\\s+raw\\s+)TEXT", "$1VARCHAR(1000000)")
                .replaceAll("(?m)^(\\s+(row_key|object_key)\\s+)VARCHAR\\(700\\)", "$1VARCHAR(320)");
        assertThat(old).doesNotContain(" TEXT,").doesNotContain("VARCHAR(700)").contains("VARCHAR(1000000)");
        new ResourceDatabasePopulator(new ByteArrayResource(old.getBytes(StandardCharsets.UTF_8))).execute(dataSource);
    }

    private static void widensAndKeeps(DataSource dataSource) {
        oldSchema(dataSource);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.update("INSERT INTO row_error (run_id, kind, line_no, seq, reason, raw) VALUES ('old', 'users', 2, 1,"
                + " 'x', '[\"kept\"]')");
        jdbc.update("INSERT INTO desired_team (run_id, line_no, name, name_key, raw) VALUES ('old', 2, 'a', 'a',"
                + " '[\"kept\"]')");
        assertThat(HUGE.length()).isGreaterThan(1_000_000);

        new StateSchema(dataSource);
        new StateSchema(dataSource);

        assertThat(jdbc.queryForObject("SELECT raw FROM row_error WHERE run_id = 'old'", String.class))
                .isEqualTo("[\"kept\"]");
        assertThat(jdbc.queryForObject("SELECT raw FROM desired_team WHERE run_id = 'old'", String.class))
                .isEqualTo("[\"kept\"]");
        for (String table : StateSchema.RAW_TABLES) {
            String type = jdbc.queryForObject("SELECT data_type FROM information_schema.columns WHERE"
                    + " LOWER(table_name) = ? AND LOWER(column_name) = 'raw' AND table_schema = CURRENT_SCHEMA",
                    String.class, table);
            assertThat(type.toLowerCase()).as(table).isIn("character large object", "text");
        }
        StateSchema.KEY_COLUMNS.forEach((column, length) -> assertThat(jdbc.queryForObject(
                "SELECT character_maximum_length FROM information_schema.columns WHERE LOWER(table_name) = ?"
                        + " AND LOWER(column_name) = ? AND table_schema = CURRENT_SCHEMA", Integer.class,
                column.substring(0, column.indexOf('.')), column.substring(column.indexOf('.') + 1)))
                .as(column).isEqualTo(length));
        assertThat(jdbc.queryForObject("SELECT is_nullable FROM information_schema.columns WHERE"
                + " LOWER(table_name) = 'planned_op' AND LOWER(column_name) = 'object_key'"
                + " AND table_schema = CURRENT_SCHEMA", String.class)).isEqualTo("NO");
        String membershipKey = "t".repeat(128) + "/" + "e".repeat(242) + "@example.com";
        jdbc.update("INSERT INTO row_error (run_id, kind, line_no, seq, reason, row_key, raw) VALUES ('new', 'users',"
                + " 2, 1, 'x', ?, ?)", membershipKey, HUGE);
        assertThat(jdbc.queryForObject("SELECT raw FROM row_error WHERE run_id = 'new'", String.class))
                .isEqualTo(HUGE);
    }
}
