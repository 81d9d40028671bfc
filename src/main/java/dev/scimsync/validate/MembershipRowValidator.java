package dev.scimsync.validate;

import dev.scimsync.config.RoleNames;
import dev.scimsync.input.CsvRow;
import dev.scimsync.input.InputKind;
import dev.scimsync.validate.DesiredMember;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks one row of memberships.csv. A role is admin, member or viewer in any case, or a custom role's exact name;
 * whether that custom role and the user exist is checked later, against the other files and the target.
 */
public final class MembershipRowValidator implements ItemProcessor<CsvRow, Validated<DesiredMember>> {

    static final Set<String> TEAM_ROLES = RoleNames.BUILT_IN;

    @Override
    public Validated<DesiredMember> process(CsvRow row) {
        row.requireKind(InputKind.MEMBERSHIPS);
        if (row.structuralError() != null) {
            return Validated.invalid(row, List.of(RowError.forRow(row, row.structuralError())));
        }
        List<RowError> errors = new ArrayList<>();
        String team = row.exact("team");
        String teamProblem = NameRule.teamProblem(team);
        if (teamProblem != null) {
            errors.add(RowError.forColumn(row, "team", teamProblem));
        }
        String email = row.exact("email");
        String emailProblem = email.isEmpty() ? "email is required" : EmailRule.problem(email);
        if (emailProblem != null) {
            errors.add(RowError.forColumn(row, "email", emailProblem));
        }
        String role = role(row, errors);
        if (!errors.isEmpty()) {
            return Validated.invalid(row, errors);
        }
        return Validated.ok(row, new DesiredMember(row.line(), team, team.toLowerCase(Locale.ROOT), email,
                email.toLowerCase(Locale.ROOT), role));
    }

    private static String role(CsvRow row, List<RowError> errors) {
        String role = row.exact("role");
        if (role.isEmpty()) {
            return null;
        }
        String builtIn = role.toLowerCase(Locale.ROOT);
        if (TEAM_ROLES.contains(builtIn)) {
            return builtIn;
        }
        String problem = NameRule.roleProblem(role);
        if (problem != null) {
            errors.add(RowError.forColumn(row, "role", problem));
        }
        return role;
    }
}
