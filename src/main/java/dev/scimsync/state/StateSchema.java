package dev.scimsync.state;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Creates the staging tables on start-up; every statement is idempotent, so a shared database is safe. */
@Component
public class StateSchema {

    /**
     * The tables that keep each input row's fields as read ({@code raw}). A row may be as long as an input line may
     * be (a cell the job does not use is never limited), longer than any {@code VARCHAR} H2 has, so the column is
     * the database's unbounded text type.
     */
    static final List<String> RAW_TABLES = List.of("desired_user", "desired_team", "desired_member", "desired_role",
            "desired_service_account", "row_error");

    /**
     * Key columns that older databases made too short for the longest valid key: a membership's key is its team
     * (128 characters at most) and email (254) with a slash between them.
     */
    static final Map<String, Integer> KEY_COLUMNS = Map.of("planned_op.object_key", 700, "row_error.row_key", 700);

    public StateSchema(DataSource dataSource) {
        new ResourceDatabasePopulator(new ClassPathResource("dev/scimsync/state/schema.sql")).execute(dataSource);
        widen(dataSource);
    }

    /**
     * Turns the {@code raw} columns that older databases made {@code VARCHAR(1000000)} into unbounded text, and
     * lengthens the short key columns, once.
     */
    private static void widen(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        boolean postgres;
        try (Connection connection = dataSource.getConnection()) {
            postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the state database's product name", e);
        }
        KEY_COLUMNS.forEach((tableAndColumn, length) -> {
            String table = tableAndColumn.substring(0, tableAndColumn.indexOf('.'));
            String column = tableAndColumn.substring(table.length() + 1);
            List<Integer> lengths = jdbc.queryForList("SELECT character_maximum_length FROM information_schema.columns"
                    + " WHERE LOWER(table_name) = ? AND LOWER(column_name) = ? AND table_schema = CURRENT_SCHEMA",
                    Integer.class, table, column);
            if (!lengths.isEmpty() && lengths.get(0) != null && lengths.get(0) < length) {
                jdbc.execute("ALTER TABLE " + table + " ALTER COLUMN " + column
                        + (postgres ? " TYPE" : " SET DATA TYPE") + " VARCHAR(" + length + ")");
            }
        });
        for (String table : RAW_TABLES) {
            List<String> types = jdbc.queryForList("SELECT data_type FROM information_schema.columns"
                    + " WHERE LOWER(table_name) = ? AND LOWER(column_name) = 'raw'"
                    + " AND table_schema = CURRENT_SCHEMA",
                    String.class, table);
            if (types.isEmpty() || !types.get(0).toLowerCase(Locale.ROOT).startsWith("character varying")) {
                continue;
            }
            jdbc.execute(postgres ? "ALTER TABLE " + table + " ALTER COLUMN raw TYPE TEXT"
                    : "ALTER TABLE " + table + " ALTER COLUMN raw SET DATA TYPE CHARACTER LARGE OBJECT");
        }
    }
}
