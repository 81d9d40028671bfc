package dev.scimsync.job;

import dev.scimsync.config.InputsConfig;
import dev.scimsync.config.JobFiles;
import dev.scimsync.validate.RowRules;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rules that need every row of a file at once, run over the loaded rows read in line order: a user, team, membership
 * or role listed twice with the same values keeps its first row, the later ones become invalid rows that name the
 * first line; listed twice with different values, every one of its rows becomes invalid, naming the others. (Rules that
 * also need the target, such as a membership's user existing, run when planning.)
 */
final class CrossFileRulesTasklet implements Tasklet {

    private final RunContext context;
    private final RowRules rules;

    CrossFileRulesTasklet(RunContext context, RowRules rules) {
        this.context = context;
        this.rules = rules;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        String runId = context.runId();
        InputsConfig inputs = context.config().inputs();
        long moved = 0;
        if (inputs.users() != null) {
            moved += rules.rejectDuplicates(runId, "users", "desired_user", "email_key", columns(inputs, "users",
                            "user_name", "username", "display_name", "display_name", "org_role", "org_role", "active",
                            "active"), "d.email",
                    "email (ignoring case)", inputs.headerFor("users", "email"), name(inputs.users()), "d.email_key");
        }
        if (inputs.teams() != null) {
            moved += rules.rejectDuplicates(runId, "teams", "desired_team", "name_key", Map.of(), "d.name",
                    "team (ignoring case)", inputs.headerFor("teams", "team"), name(inputs.teams()), "d.name_key");
        }
        if (inputs.memberships() != null) {
            moved += rules.rejectDuplicates(runId, "memberships", "desired_member", "team_key, email_key",
                    columns(inputs, "memberships", "role", "role"),
                    "CONCAT(d.team, ' / ', d.email)", "membership", inputs.headerFor("memberships", "email"),
                    name(inputs.memberships()), "CONCAT(d.team_key, '/', d.email_key)");
        }
        if (inputs.roles() != null) {
            moved += rules.rejectDuplicates(runId, "roles", "desired_role", "name", columns(inputs, "roles",
                    "inherited_from", "inherited_from", "permissions", "permissions", "description", "description"),
                    "d.name", "role",
                    inputs.headerFor("roles", "name"), name(inputs.roles()), "d.name");
        }
        if (inputs.serviceAccounts() != null) {
            moved += rules.rejectDuplicates(runId, "service-accounts", "desired_service_account",
                    "team_key, description", Map.of(), "CONCAT(d.team, ' / ', d.description)", "service account",
                    inputs.headerFor("service-accounts", "description"), name(inputs.serviceAccounts()),
                    "CONCAT(d.team_key, '/', d.description)");
        }
        contribution.incrementFilterCount(moved);
        return RepeatStatus.FINISHED;
    }

    /**
     * The value columns whose disagreement makes duplicates conflict: SQL column → the file's header for the logical
     * column, given as pairs.
     */
    private static Map<String, String> columns(InputsConfig inputs, String kind, String... sqlAndLogical) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (int i = 0; i < sqlAndLogical.length; i += 2) {
            columns.put(sqlAndLogical[i], inputs.headerFor(kind, sqlAndLogical[i + 1]));
        }
        return columns;
    }

    private static String name(Path file) {
        return JobFiles.absolute(file).toString();
    }
}
