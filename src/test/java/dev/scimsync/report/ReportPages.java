package dev.scimsync.report;

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
        Instant start = Instant.parse("2026-11-28T03:15:00Z");
        Map<String, Map<String, Long>> rows = new LinkedHashMap<>();
        Map<String, Long> users = new LinkedHashMap<>();
        users.put("created", 1207L);
        users.put("unchanged", 5310L);
        users.put("invalid", 42L);
        users.put("failed", 3L);
        rows.put("users", users);
        RunSummary summary = new RunSummary("20261128-031500-7f3a", "nightly <hr>", "sync", null, start,
                start.plusSeconds(95), exitCode, outcome, problem,
                List.of(new RunSummary.Input("users", "exports/users.csv", "ab".repeat(32), 6562, false)), rows, 1, 1,
                Map.of("GET", 12L, "POST", 1207L),
                List.of(StepTiming.of("load-users", "COMPLETED", start, start.plusMillis(2400), 6562, 6562, 0, 0)),
                "reports/nightly/20261128-031500-7f3a", List.of("report.html", "results.csv"));
        return ReportPage.of(summary, withFailures
                ? List.of(new ReportPage.Failure("exports/users.csv", "7", HOSTILE, "invalid",
                        "Work Email: invalid email '" + HOSTILE + "'")) : List.of(), withFailures ? 44 : 0,
                List.of(new DriftLine("user", "legacy@example.com", "id-1", "unmanaged", "active; org_role=member",
                        "absent-users: report", "reported", "<script>alert(2)</script>")), 0,
                List.of(new ReportPage.Blocked("deactivate", "ops-admin@example.com", "", "protected user")), 0);
    }
}
