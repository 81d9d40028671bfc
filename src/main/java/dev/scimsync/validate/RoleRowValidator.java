package dev.scimsync.validate;

import dev.scimsync.input.CsvRow;
import dev.scimsync.input.InputKind;
import dev.scimsync.state.DesiredRole;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Checks one row of roles.csv: a custom role's name, inherited role, permissions and description. */
public final class RoleRowValidator implements ItemProcessor<CsvRow, Validated<DesiredRole>> {

    static final int MAX_DESCRIPTION = 512;
    private static final Pattern PERMISSION = Pattern.compile("[a-z]+:[a-z]+");

    @Override
    public Validated<DesiredRole> process(CsvRow row) {
        Rows.require(row, InputKind.ROLES);
        if (row.structuralError() != null) {
            return Validated.invalid(row, List.of(RowError.forRow(row, row.structuralError())));
        }
        List<RowError> errors = new ArrayList<>();
        String name = row.get("name");
        String nameProblem = name.isEmpty() ? "name is required" : NameRule.roleProblem(name);
        if (nameProblem == null && MembershipRowValidator.TEAM_ROLES.contains(name.toLowerCase(Locale.ROOT))) {
            nameProblem = Text.quote(name) + " is a built-in role; a custom role needs another name";
        }
        if (nameProblem != null) {
            errors.add(RowError.forColumn(row, "name", nameProblem));
        }
        String inherited = row.get("inherited_from").toLowerCase(Locale.ROOT);
        if (!inherited.equals("member") && !inherited.equals("viewer")) {
            errors.add(RowError.forColumn(row, "inherited_from", "unknown inherited role "
                    + Text.quote(row.get("inherited_from")) + " (expected member or viewer)"));
        }
        TreeSet<String> permissions = new TreeSet<>();
        for (String permission : row.get("permissions").split(";")) {
            String p = permission.strip();
            if (p.isEmpty()) {
                continue;
            }
            if (PERMISSION.matcher(p).matches()) {
                permissions.add(p);
            } else {
                errors.add(RowError.forColumn(row, "permissions", "invalid permission " + Text.quote(p)
                        + " (expected object:operation in lower case, e.g. project:update)"));
            }
        }
        String description = row.get("description");
        if (Text.length(description) > MAX_DESCRIPTION || Text.hasControl(description)) {
            errors.add(RowError.forColumn(row, "description", "description must be at most " + MAX_DESCRIPTION
                    + " characters without control characters"));
        }
        if (!errors.isEmpty()) {
            return Validated.invalid(row, errors);
        }
        return Validated.ok(row, new DesiredRole(row.line(), name, inherited, List.copyOf(permissions),
                description.isEmpty() ? null : description));
    }
}
