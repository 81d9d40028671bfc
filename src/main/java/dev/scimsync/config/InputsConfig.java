package dev.scimsync.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CSV files of a job, each optional, paths as written (callers resolve relative ones against the working
 * directory and check that they exist), the renamed headers, and how the files are written.
 *
 * @param columns   input kind ({@code users}, ...) → logical column ({@code email}, ...) → header in the file
 * @param delimiter {@code ,}, {@code ;} or {@code tab}; null to tell from each file's header line
 * @param encoding  {@code utf-8} or {@code windows-1252}; null for UTF-8
 * @param serviceAccounts service-accounts.csv: team service accounts that must exist (W&amp;B only)
 * @param values    input kind → logical column → value as the export spells it → value scim-sync knows, e.g.
 *                  {@code users → active → SUSPENDED → false}; a cell matches a source value ignoring case and
 *                  surrounding spaces
 */
public record InputsConfig(Path users, Path teams, Path memberships, Path roles,
                           Map<String, Map<String, String>> columns, String delimiter, String encoding,
                           Map<String, Map<String, Map<String, String>>> values, Path serviceAccounts) {

    /** Input kinds and their logical columns; a column's default header is its logical name. */
    public static final Map<String, List<String>> KNOWN_COLUMNS = known();

    /** The {@code inputs.delimiter} values and the character each stands for. */
    public static final Map<String, Character> DELIMITERS = Map.of(",", ',', ";", ';', "tab", '\t', "\t", '\t');

    /** The {@code inputs.encoding} values. */
    public static final List<String> ENCODINGS = List.of("utf-8", "windows-1252");

    public InputsConfig {
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        if (columns != null) {
            columns.forEach((kind, byColumn) -> copy.put(kind,
                    Collections.unmodifiableMap(byColumn == null ? new LinkedHashMap<>() : new LinkedHashMap<>(byColumn))));
        }
        columns = Collections.unmodifiableMap(copy);
        Map<String, Map<String, Map<String, String>>> valuesCopy = new LinkedHashMap<>();
        if (values != null) {
            values.forEach((kind, byColumn) -> {
                Map<String, Map<String, String>> columnsCopy = new LinkedHashMap<>();
                if (byColumn != null) {
                    byColumn.forEach((column, mapping) -> columnsCopy.put(column, Collections.unmodifiableMap(
                            mapping == null ? new LinkedHashMap<>() : new LinkedHashMap<>(mapping))));
                }
                valuesCopy.put(kind, Collections.unmodifiableMap(columnsCopy));
            });
        }
        values = Collections.unmodifiableMap(valuesCopy);
    }

    /** The four SCIM inputs, without service accounts. */
    public InputsConfig(Path users, Path teams, Path memberships, Path roles,
                        Map<String, Map<String, String>> columns, String delimiter, String encoding,
                        Map<String, Map<String, Map<String, String>>> values) {
        this(users, teams, memberships, roles, columns, delimiter, encoding, values, null);
    }

    /** Files and renamed headers only: comma or semicolon told from the header, UTF-8, values as written. */
    public InputsConfig(Path users, Path teams, Path memberships, Path roles, Map<String, Map<String, String>> columns) {
        this(users, teams, memberships, roles, columns, null, null, null, null);
    }

    /** The delimiter {@code inputs.delimiter} names, or null to tell it from each file's header line. */
    public Character delimiterChar() {
        return delimiter == null ? null : DELIMITERS.get(delimiter.toLowerCase(java.util.Locale.ROOT));
    }

    /** Whether the files are Windows-1252 ({@code inputs.encoding: windows-1252}) rather than UTF-8. */
    public boolean windows1252() {
        return encoding != null && encoding.strip().equalsIgnoreCase("windows-1252");
    }

    /** Logical column → (value as the export spells it → value scim-sync knows) for one input kind. */
    public Map<String, Map<String, String>> valuesFor(String kind) {
        return values.getOrDefault(kind, Map.of());
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
        known.put("service-accounts", List.of("team", "description"));
        return Collections.unmodifiableMap(known);
    }
}
