package dev.scimsync.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CSV files of a job, each optional, paths as written (callers resolve relative ones against the working
 * directory and check that they exist), and the renamed headers.
 *
 * @param columns input kind ({@code users}, ...) → logical column ({@code email}, ...) → header in the file
 */
public record InputsConfig(Path users, Path teams, Path memberships, Path roles,
                           Map<String, Map<String, String>> columns) {

    /** Input kinds and their logical columns; a column's default header is its logical name. */
    public static final Map<String, List<String>> KNOWN_COLUMNS = known();

    public InputsConfig {
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        if (columns != null) {
            columns.forEach((kind, byColumn) -> copy.put(kind,
                    Collections.unmodifiableMap(byColumn == null ? new LinkedHashMap<>() : new LinkedHashMap<>(byColumn))));
        }
        columns = Collections.unmodifiableMap(copy);
    }

    /** Logical column → header for one input kind; empty when the job renames nothing. */
    public Map<String, String> columnsFor(String kind) {
        return columns.getOrDefault(kind, Map.of());
    }

    /** The header the file of {@code kind} uses for {@code column}: the renamed one, else the column name. */
    public String headerFor(String kind, String column) {
        return columnsFor(kind).getOrDefault(column, column);
    }

    private static Map<String, List<String>> known() {
        Map<String, List<String>> known = new LinkedHashMap<>();
        known.put("users", List.of("email", "username", "display_name", "org_role", "active"));
        known.put("teams", List.of("team"));
        known.put("memberships", List.of("team", "email", "role"));
        known.put("roles", List.of("name", "inherited_from", "permissions", "description"));
        return Collections.unmodifiableMap(known);
    }
}
