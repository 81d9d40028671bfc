package dev.scimsync.report;

import dev.scimsync.config.PolicyConfig;
import dev.scimsync.plan.OpKind;
import dev.scimsync.plan.OpState;
import dev.scimsync.verify.DriftRepository;
import dev.scimsync.verify.DriftRow;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/** drift.csv: what the target holds that the inputs do not describe, and what the policy did about each. */
@Component
public class DriftReport {

    public static final String DRIFT_CSV = "drift.csv";

    /** What drift.csv says of a team whose deletion the target refused as a call it does not have. */
    static final String TEAM_DELETE_UNSUPPORTED = "team deletion not supported by this target";

    /** The error type the apply stage gives an operation the target has no call for. */
    private static final String UNSUPPORTED = "unsupported";

    private final DriftRepository drift;

    public DriftReport(DriftRepository drift) {
        this.drift = drift;
    }

    /** Writes drift.csv and adds each line to the run's tally; returns the number of lines. */
    public long write(String opsRunId, Path outDir, PolicyConfig policy, boolean planOnly, RowTally tally) {
        long[] count = {0};
        try (SafeCsv csv = SafeCsv.open(outDir.resolve(DRIFT_CSV), "kind", "key", "target_id", "finding",
                "on_target", "policy", "action", "detail")) {
            forEach(opsRunId, policy, planOnly, line -> {
                csv.row(line.kind(), line.key(), line.targetId(), line.finding(), line.onTarget(), line.policy(),
                        line.action(), line.detail());
                tally.drift(line);
                count[0]++;
            });
        }
        return count[0];
    }

    /** Streams the drift of a run, each with the rule that decided and what it did. */
    void forEach(String opsRunId, PolicyConfig policy, boolean planOnly, Consumer<DriftLine> action) {
        Set<String> protectedUsers = Set.copyOf(policy.protectedUsers());
        String absentUsers = "absent-users: " + policy.absentUsers().name().toLowerCase(Locale.ROOT);
        boolean removes = policy.absentUsers() == PolicyConfig.AbsentUsers.REMOVE;
        drift.forEachUser(opsRunId, protectedUsers, removes, row -> {
            boolean isProtected = protectedUsers.contains(row.key());
            String rule = DriftRow.PROTECTED.equals(row.finding()) || isProtected && row.opKind() == null
                    ? "protected-users" : absentUsers;
            action.accept(new DriftLine(row.kind(), row.key(), row.targetId(), row.finding(), row.targetState(),
                    rule, action(row, policy, isProtected, planOnly), row.detail()));
        });
        String absentTeams = "absent-teams: " + policy.absentTeams().name().toLowerCase(Locale.ROOT);
        drift.forEachTeam(opsRunId, row -> {
            boolean isProtected = row.opKind() == null && policy.protectedTeams().contains(row.key());
            action.accept(new DriftLine(row.kind(), row.key(), row.targetId(), row.finding(), row.targetState(),
                    isProtected ? "protected-teams" : absentTeams, teamAction(row, isProtected, planOnly),
                    row.detail()));
        });
    }

    /** What became of a team no input lists: reported, deleted, or why not. */
    private static String teamAction(DriftRow row, boolean isProtected, boolean planOnly) {
        if (isProtected) {
            return "kept (protected team)";
        }
        if (row.opKind() == null) {
            return "reported";
        }
        if (row.opState() == OpState.FAILED && UNSUPPORTED.equals(row.errorType())) {
            return TEAM_DELETE_UNSUPPORTED;
        }
        return switch (row.opState()) {
            case DONE -> row.opKind().doneStatus();
            case BLOCKED -> "blocked";
            case FAILED -> "failed";
            case PENDING, SENDING -> planOnly ? "planned: " + row.opKind().action() : "pending";
        };
    }

    private static String action(DriftRow row, PolicyConfig policy, boolean isProtected, boolean planOnly) {
        if (row.opKind() == OpKind.REMOVE_IN_ADMIN_UI && row.opState() == OpState.BLOCKED && !isProtected) {
            return row.opKind().action();
        }
        if (row.opKind() == null) {
            if (isProtected && (policy.absentUsers() == PolicyConfig.AbsentUsers.DEACTIVATE
                    || policy.absentUsers() == PolicyConfig.AbsentUsers.REMOVE)) {
                return "kept (protected user)";
            }
            return policy.absentUsers() == PolicyConfig.AbsentUsers.IGNORE ? "ignored" : "reported";
        }
        String verb = row.opKind().action();
        return switch (row.opState()) {
            case DONE -> row.opKind().doneStatus();
            case BLOCKED -> "blocked";
            case FAILED -> "failed";
            case PENDING, SENDING -> planOnly ? "planned: " + verb : "pending";
        };
    }
}
