package dev.scimsync.validate;

import dev.scimsync.input.CsvRow;
import dev.scimsync.input.InputKind;
import dev.scimsync.validate.DesiredTeam;
import org.springframework.batch.infrastructure.item.ItemProcessor;

import java.util.List;
import java.util.Locale;

/** Checks one row of teams.csv. Never returns null and never throws for bad data. */
public final class TeamRowValidator implements ItemProcessor<CsvRow, Validated<DesiredTeam>> {

    @Override
    public Validated<DesiredTeam> process(CsvRow row) {
        row.requireKind(InputKind.TEAMS);
        if (row.structuralError() != null) {
            return Validated.invalid(row, List.of(RowError.forRow(row, row.structuralError())));
        }
        String team = row.exact("team");
        String problem = NameRule.teamProblem(team);
        if (problem != null) {
            return Validated.invalid(row, List.of(RowError.forColumn(row, "team", problem)));
        }
        return Validated.ok(row, new DesiredTeam(row.line(), team, team.toLowerCase(Locale.ROOT)));
    }
}
