package dev.scimsync.validate;

import dev.scimsync.config.RoleNames;
import dev.scimsync.validate.DesiredUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import dev.scimsync.input.CsvRow;
import dev.scimsync.input.InputKind;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Checks one row of users.csv and normalises it into a {@link DesiredUser}. Every problem on the row is reported,
 * each naming its column and the bad value. Never returns null and never throws for bad data, so every row ends
 * with a result.
 */
public final class UserRowValidator implements ItemProcessor<CsvRow, Validated<DesiredUser>> {

    static final int MAX_DISPLAY_NAME = 256;
    static final int MAX_USERNAME = 64;
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@+-]{1,64}");
    private static final Set<String> ORG_ROLES = RoleNames.BUILT_IN;
    private static final Set<String> TRUE = Set.of("true", "yes", "y", "1", "");
    private static final Set<String> FALSE = Set.of("false", "no", "n", "0");
    private static final String ACTIVE = "true";
    private static final String INACTIVE = "false";
    /** The user must leave the organisation, not only be deactivated. */
    static final String REMOVED = "removed";

    /** @throws IllegalArgumentException when given a row of another kind of file (a wiring mistake) */
    @Override
    public Validated<DesiredUser> process(CsvRow row) {
        if (row.kind() != InputKind.USERS) {
            throw new IllegalArgumentException("not a users row: " + row.kind().id() + " " + row.file());
        }
        if (row.structuralError() != null) {
            return Validated.invalid(row, List.of(RowError.forRow(row, row.structuralError())));
        }
        List<RowError> errors = new ArrayList<>();
        String email = email(row, errors);
        String userName = userName(row, errors);
        String displayName = displayName(row, errors);
        String orgRole = orgRole(row, errors);
        String active = active(row, errors);
        if (!errors.isEmpty()) {
            return Validated.invalid(row, errors);
        }
        return Validated.ok(row, new DesiredUser(row.line(), email, email.toLowerCase(Locale.ROOT), userName,
                displayName, orgRole, ACTIVE.equals(active), REMOVED.equals(active)));
    }

    private static String email(CsvRow row, List<RowError> errors) {
        String email = row.exact("email");
        String problem = email.isEmpty() ? "email is required" : EmailRule.problem(email);
        return check(row, "email", problem, email, errors);
    }

    private static String userName(CsvRow row, List<RowError> errors) {
        String userName = row.exact("username");
        if (userName.isEmpty()) {
            return null;
        }
        String problem = KeyRule.problem("username", userName, MAX_USERNAME);
        if (problem == null && !USERNAME.matcher(userName).matches()) {
            problem = "invalid username " + TextChecks.quote(userName)
                    + " (1 to 64 characters: letters A-Z, digits and . _ @ + -)";
        }
        return check(row, "username", problem, userName, errors);
    }

    private static String displayName(CsvRow row, List<RowError> errors) {
        String displayName = row.get("display_name");
        if (displayName.isEmpty()) {
            return null;
        }
        String problem = KeyRule.freeTextProblem("display name", displayName, MAX_DISPLAY_NAME);
        return check(row, "display_name", problem, displayName, errors);
    }

    private static String orgRole(CsvRow row, List<RowError> errors) {
        String orgRole = row.get("org_role").toLowerCase(Locale.ROOT);
        if (orgRole.isEmpty()) {
            return null;
        }
        String problem = ORG_ROLES.contains(orgRole) ? null : "unknown org role " + TextChecks.quote(row.get("org_role"))
                + " (expected admin, member or viewer)";
        return check(row, "org_role", problem, orgRole, errors);
    }

    /** {@code true}, {@code false} or {@code removed}; null when the value is none of them. */
    private static String active(CsvRow row, List<RowError> errors) {
        String active = row.get("active").toLowerCase(Locale.ROOT);
        if (TRUE.contains(active)) {
            return ACTIVE;
        }
        if (FALSE.contains(active)) {
            return INACTIVE;
        }
        if (REMOVED.equals(active)) {
            return REMOVED;
        }
        errors.add(RowError.forColumn(row, "active", "invalid active value " + TextChecks.quote(row.get("active"))
                + " (expected true, false or removed; yes/no and 1/0 also work)"));
        return null;
    }

    private static String check(CsvRow row, String column, String problem, String value, List<RowError> errors) {
        if (problem == null) {
            return value;
        }
        errors.add(RowError.forColumn(row, column, problem));
        return null;
    }
}
