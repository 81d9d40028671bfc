package dev.scimsync.cli;

import dev.scimsync.job.ExitCodes;
import dev.scimsync.job.RunResult;

import java.io.PrintWriter;
import java.util.Map;
import java.util.stream.Collectors;

/** Prints how a run ended: the short summary a person reads in the morning, or in a cron mail. */
final class OutcomePrinter {

    private static final String[] STATUSES = {"created", "updated", "reactivated", "deactivated", "unchanged",
            "planned", "blocked", "invalid", "failed", "pending"};

    private OutcomePrinter() {
    }

    static void print(RunResult result, PrintWriter out, PrintWriter err) {
        out.printf("scim-sync %s: run %s (job %s)%n", result.run().command(), result.run().runId(),
                result.run().jobName());
        if (!result.rowCounts().isEmpty()) {
            long total = result.rowCounts().values().stream().mapToLong(Long::longValue).sum();
            StringBuilder line = new StringBuilder("  rows: " + total);
            String sep = " - ";
            for (String status : STATUSES) {
                long n = result.rows(status);
                if (n > 0 || "failed".equals(status) || "invalid".equals(status)) {
                    line.append(sep).append(status).append(' ').append(n);
                    sep = ", ";
                }
            }
            out.println(line);
        }
        Map<String, Long> requests = result.requests();
        if (!requests.isEmpty()) {
            out.println("  requests: " + requests.entrySet().stream().filter(e -> e.getValue() > 0)
                    .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")));
        }
        result.notes().forEach(note -> out.println("  " + note));
        out.println("  reports: " + result.outDir());
        if (result.problem() != null) {
            err.println("scim-sync: " + result.problem());
        }
        out.printf("exit %d: %s%n", result.exitCode(), meaning(result));
        out.flush();
        err.flush();
    }

    /**
     * What the exit code means for this run. A plan exits 0 whether or not it found changes; "all in sync" is said
     * only when it found none, and otherwise how to apply what it planned.
     */
    static String meaning(RunResult result) {
        long planned = result.rows("planned");
        if (result.exitCode() == ExitCodes.OK && "plan".equals(result.run().command()) && planned > 0) {
            return "plan made, " + planned + (planned == 1 ? " row" : " rows") + " to change: review plan.csv,"
                    + " then run 'scim-sync apply --plan " + result.run().runId() + "'";
        }
        return ExitCodes.meaning(result.exitCode());
    }
}
