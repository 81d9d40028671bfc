package dev.scimsync.input;

import java.util.List;
import java.util.stream.Stream;

/**
 * The kinds of CSV input a job can read, each with its logical columns. Logical column names are also the default
 * header texts; a job file may map any of them to another header text.
 */
public enum InputKind {

    USERS("users", List.of("email"), List.of("username", "display_name", "org_role", "active")),
    TEAMS("teams", List.of("team"), List.of()),
    MEMBERSHIPS("memberships", List.of("team", "email"), List.of("role")),
    ROLES("roles", List.of("name", "inherited_from"), List.of("permissions", "description")),
    SERVICE_ACCOUNTS("service-accounts", List.of("team", "description"), List.of());

    private final String id;
    private final List<String> requiredColumns;
    private final List<String> optionalColumns;
    private final List<String> columns;

    InputKind(String id, List<String> requiredColumns, List<String> optionalColumns) {
        this.id = id;
        this.requiredColumns = requiredColumns;
        this.optionalColumns = optionalColumns;
        this.columns = Stream.concat(requiredColumns.stream(), optionalColumns.stream()).toList();
    }

    /** The lower-case name used in job files, messages and execution-context keys, e.g. {@code users}. */
    public String id() {
        return id;
    }

    /** Logical columns the file must have; a file without one of them is rejected. */
    public List<String> requiredColumns() {
        return requiredColumns;
    }

    /** Logical columns the file may have; an absent one is not managed. */
    public List<String> optionalColumns() {
        return optionalColumns;
    }

    /** Required columns followed by optional ones. */
    public List<String> columns() {
        return columns;
    }

    /**
     * The columns that identify a row (a user's email, a team, a team and an email, a role's name, a team and a
     * service account's description): a row whose key
     * columns are all filled in carries a key, and only such rows count towards {@code policy.max-row-drop}.
     */
    public List<String> keyColumns() {
        return switch (this) {
            case USERS -> List.of("email");
            case TEAMS -> List.of("team");
            case MEMBERSHIPS -> List.of("team", "email");
            case ROLES -> List.of("name");
            case SERVICE_ACCOUNTS -> List.of("team", "description");
        };
    }

    /**
     * The key an invalid row of this kind keeps so that it still protects every object it could have meant from
     * being treated as absent: its key columns in their loose form ({@link IdentityText#loose}; for an email, also
     * the address inside {@code Name <addr>} or after {@code mailto:}), a team and an email joined by {@code /}. A
     * users row without an email is keyed by its username.
     */
    public String protectedKey(CsvRow row) {
        return switch (this) {
            case USERS -> row.exact("email").isEmpty() ? IdentityText.loose(row.exact("username"))
                    : IdentityText.looseEmail(row.exact("email"));
            case TEAMS -> IdentityText.loose(row.exact("team"));
            case MEMBERSHIPS -> IdentityText.loose(row.exact("team")) + "/"
                    + IdentityText.looseEmail(row.exact("email"));
            case ROLES -> IdentityText.loose(row.exact("name"));
            case SERVICE_ACCOUNTS -> IdentityText.loose(row.exact("team")) + "/" + row.get("description");
        };
    }

    /** Whether {@code logicalColumn} is one of this kind's columns. */
    public boolean hasColumn(String logicalColumn) {
        return columns.contains(logicalColumn);
    }
}
