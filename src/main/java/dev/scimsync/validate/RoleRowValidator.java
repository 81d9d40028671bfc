package dev.scimsync.validate;

import dev.scimsync.input.CsvRow;
import dev.scimsync.input.InputKind;
import dev.scimsync.validate.DesiredRole;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Checks one row of roles.csv: a custom role's name, inherited role, permissions and description. */
public final class RoleRowValidator implements ItemProcessor<CsvRow, Validated<DesiredRole>> {

    static final int MAX_DESCRIPTION = 512;
    static final int MAX_PERMISSIONS = 4000;
    private static final Pattern PERMISSION = Pattern.compile("[a-z]+:[a-z]+");

    /**
     * The {@code ;}-separated permissions, each {@code object:operation} in lower case. A cell longer than
     * {@link #MAX_PERMISSIONS} characters is one error, and the invalid permissions of a cell are one error naming
     * the first few, so a huge cell never turns into thousands of errors.
     */
    private static TreeSet<String> permissions(CsvRow row, List<RowError> errors) {
        TreeSet<String> permissions = new TreeSet<>();
        String cell = row.get("permissions");
        if (TextChecks.length(cell) > MAX_PERMISSIONS) {
            errors.add(RowError.forColumn(row, "permissions", "permissions are " + TextChecks.length(cell)
                    + " characters long (at most " + MAX_PERMISSIONS + ")"));
            return permissions;
        }
        List<String> invalid = new ArrayList<>();
        for (String permission : cell.split(";")) {
            String p = permission.strip();
            if (p.isEmpty()) {
                continue;
            }
            if (PERMISSION.matcher(p).matches()) {
                permissions.add(p);
            } else {
                invalid.add(TextChecks.quote(p));
            }
        }
        if (!invalid.isEmpty()) {
            errors.add(RowError.forColumn(row, "permissions", "invalid permission" + (invalid.size() > 1 ? "s " : " ")
                    + String.join(", ", invalid.subList(0, Math.min(3, invalid.size())))
                    + (invalid.size() > 3 ? " and " + (invalid.size() - 3) + " more" : "")
                    + " (expected object:operation in lower case, e.g. project:update)"));
        }
        return permissions;
    }

    @Override
    public Validated<DesiredRole> process(CsvRow row) {
        row.requireKind(InputKind.ROLES);
        if (row.structuralError() != null) {
            return Validated.invalid(row, List.of(RowError.forRow(row, row.structuralError())));
        }
        List<RowError> errors = new ArrayList<>();
        String name = row.exact("name");
        String nameProblem = name.isEmpty() ? "name is required" : NameRule.roleProblem(name);
        if (nameProblem == null && MembershipRowValidator.TEAM_ROLES.contains(name.toLowerCase(Locale.ROOT))) {
            nameProblem = TextChecks.quote(name) + " is a built-in role; a custom role needs another name";
        }
        if (nameProblem != null) {
            errors.add(RowError.forColumn(row, "name", nameProblem));
        }
        String inherited = row.get("inherited_from").toLowerCase(Locale.ROOT);
        if (!inherited.equals("member") && !inherited.equals("viewer")) {
            errors.add(RowError.forColumn(row, "inherited_from", "unknown inherited role "
                    + TextChecks.quote(row.get("inherited_from")) + " (expected member or viewer)"));
        }
        TreeSet<String> permissions = permissions(row, errors);
        String description = row.get("description");
        String descriptionProblem = KeyRule.freeTextProblem("description", description, MAX_DESCRIPTION);
        if (descriptionProblem != null) {
            errors.add(RowError.forColumn(row, "description", descriptionProblem));
        }
        if (!errors.isEmpty()) {
            return Validated.invalid(row, errors);
        }
        return Validated.ok(row, new DesiredRole(row.line(), name, inherited, List.copyOf(permissions),
                description.isEmpty() ? null : description));
    }
}
