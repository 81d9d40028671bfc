package dev.scimsync.validate;

import dev.scimsync.input.CsvRow;
import dev.scimsync.input.InputKind;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks one row of service-accounts.csv: a team name, as teams.csv's, and a description, free text that must be
 * there. The description is what tells one service account of a team from another, so it is compared exactly, once
 * trimmed and in Unicode NFC (an accent typed as one character or as two matches).
 */
public final class ServiceAccountRowValidator implements ItemProcessor<CsvRow, Validated<DesiredServiceAccount>> {

    static final int MAX_DESCRIPTION = 512;

    /** A description as it is compared: trimmed, in NFC. */
    public static String normalised(String description) {
        return description == null ? "" : Normalizer.normalize(description.strip(), Normalizer.Form.NFC);
    }

    @Override
    public Validated<DesiredServiceAccount> process(CsvRow row) {
        row.requireKind(InputKind.SERVICE_ACCOUNTS);
        if (row.structuralError() != null) {
            return Validated.invalid(row, List.of(RowError.forRow(row, row.structuralError())));
        }
        List<RowError> errors = new ArrayList<>();
        String team = row.exact("team");
        String teamProblem = NameRule.teamProblem(team);
        if (teamProblem != null) {
            errors.add(RowError.forColumn(row, "team", teamProblem));
        }
        String description = normalised(row.get("description"));
        String descriptionProblem = description.isEmpty() ? "description is required (it names the service"
                + " account in its team)" : KeyRule.freeTextProblem("description", description, MAX_DESCRIPTION);
        if (descriptionProblem != null) {
            errors.add(RowError.forColumn(row, "description", descriptionProblem));
        }
        if (!errors.isEmpty()) {
            return Validated.invalid(row, errors);
        }
        return Validated.ok(row, new DesiredServiceAccount(row.line(), team, team.toLowerCase(Locale.ROOT),
                description));
    }
}
