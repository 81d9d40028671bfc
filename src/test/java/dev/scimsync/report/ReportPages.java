package dev.scimsync.report;

import dev.scimsync.plan.OpKind;
import dev.scimsync.plan.PlannedOp;
import dev.scimsync.plan.RolePayload;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A run's page as a fixture: counts that are easy to find, and values meant to break out of the HTML. */
final class ReportPages {

    static final String HOSTILE = "<img src=x onerror=alert(1)>@example.com";

    private ReportPages() {
    }

    static ReportPage sample() {
        return sample(1, "finished, some rows or operations failed (see results.csv)", null, true);
    }

    /** A run that ended with this exit code, with or without rows that need a person. */
    static ReportPage sample(int exitCode, String outcome, String problem, boolean withFailures) {
        return sample("sync", exitCode, outcome, problem, withFailures, List.of());
    }

    /**
     * A plan's page over these operations, in execution order, grouped as a run groups them; the groups' CSV files
     * are written into {@code outDir}.
     */
    static ReportPage plan(List<PlannedOp> operations, Path outDir) {
        return sample("plan", 0, "all in sync", null, false, Changes.write(operations::forEach, outDir, true)
                .groups());
    }

    /**
     * A plan that creates, updates, demotes, deactivates, removes a member and deletes a role held by two users, in
     * the order the plan sends them (creates first, removals last); one display name is hostile.
     */
    static List<PlannedOp> planWithRemovals() {
        String run = "20261128-031500-7f3a";
        return List.of(
                PlannedOp.pending(run, 1, OpKind.CREATE_USER, "new@example.com", "users", 2L, null, "",
                        "active; org_role=member; display_name=New Person", "{}"),
                PlannedOp.pending(run, 2, OpKind.UPDATE_USER, "bob@example.com", "users", 3L, "u-bob",
                        "active; org_role=member; display_name=Bob", "active; org_role=member; display_name="
                                + HOSTILE, "{}"),
                PlannedOp.pending(run, 3, OpKind.UPDATE_USER, "ann@example.com", "users", 4L, "u-ann",
                        "active; org_role=admin; display_name=Ann", "active; org_role=member; display_name=Ann",
                        "{}"),
                PlannedOp.pending(run, 4, OpKind.CREATE_TEAM, "platform", "memberships", 5L, null, "",
                        "team platform with 1 members", "{}"),
                PlannedOp.pending(run, 5, OpKind.ADD_MEMBER, "platform/new@example.com", "memberships", 5L, null,
                        "not a member", "member", "{}"),
                PlannedOp.pending(run, 6, OpKind.ADD_MEMBER, "research/bob@example.com", "memberships", 6L, "g-1",
                        "not a member", "member", "{}"),
                PlannedOp.pending(run, 7, OpKind.REMOVE_MEMBER, "research/carol@example.com", "memberships", null,
                        "g-1", "member", "not a member", "{}"),
                PlannedOp.pending(run, 8, OpKind.DEACTIVATE_USER, "legacy@example.com", "users", null, "u-legacy",
                        "active; org_role=viewer", "inactive; org_role=viewer", "{}"),
                PlannedOp.pending(run, 9, OpKind.DELETE_ROLE, "obsolete", "roles", null, "r-1",
                        "inherits member; permissions=run:stop",
                        "deleted; 2 users fall back to member: alice@example.com, dave@example.com",
                        new RolePayload("obsolete", "r-1", "member", null, null, false, null, null,
                                List.of("alice@example.com", "dave@example.com")).toJson()));
    }

    private static ReportPage sample(String command, int exitCode, String outcome, String problem,
                                     boolean withFailures, List<ReportPage.ChangeGroup> changes) {
        Instant start = Instant.parse("2026-11-28T03:15:00Z");
        Map<String, Map<String, Long>> rows = new LinkedHashMap<>();
        Map<String, Long> users = new LinkedHashMap<>();
        users.put("created", 1207L);
        users.put("unchanged", 5310L);
        users.put("invalid", 42L);
        users.put("failed", 3L);
        rows.put("users", users);
        RunSummary summary = new RunSummary("20261128-031500-7f3a", "nightly <hr>", command, null, start,
                start.plusSeconds(95), exitCode, outcome, problem,
                List.of(new RunSummary.Input("users", "exports/users.csv", "ab".repeat(32), 6562, false)), rows, 1, 1,
                Map.of("GET", 12L, "POST", 1207L),
                List.of(StepTiming.of("load-users", "COMPLETED", start, start.plusMillis(2400), 6562, 6562, 0, 0)),
                "reports/nightly/20261128-031500-7f3a", List.of("report.html", "results.csv"), null, null);
        return ReportPage.of(summary, withFailures
                ? List.of(new ReportPage.Failure("exports/users.csv", "7", HOSTILE, "invalid",
                        "Work Email: invalid email '" + HOSTILE + "'")) : List.of(), withFailures ? 44 : 0,
                List.of(new DriftLine("user", "legacy@example.com", "id-1", "unmanaged", "active; org_role=member",
                        "absent-users: report", "reported", "<script>alert(2)</script>")), 0,
                List.of(new ReportPage.Blocked("deactivate", "ops-admin@example.com", "", "protected user")), 0,
                changes);
    }
}
