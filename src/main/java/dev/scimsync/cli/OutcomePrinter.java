package dev.scimsync.cli;

import dev.scimsync.job.ExitCodes;
import dev.scimsync.job.RunResult;

import java.io.PrintWriter;
import java.util.Map;
import java.util.stream.Collectors;

/** Prints how a run ended: the short summary a person reads in the morning, or in a cron mail. */
final class OutcomePrinter {

    private OutcomePrinter() {
    }

    static void print(RunResult result, PrintWriter out, PrintWriter err) {
        print(result, out, err, null);
    }

    /**
     * @param jobFile the job file as the command was given it, for the {@code apply} command a plan ends with; null
     *                when the command has none
     */
    static void print(RunResult result, PrintWriter out, PrintWriter err, String jobFile) {
        if (result.appliedBefore()) {
            appliedBefore(result, out);
            return;
        }
        out.printf("scim-sync %s: run %s (job %s)%n", result.run().command(), result.run().runId(),
                result.run().jobName());
        if (!result.rowCounts().isEmpty()) {
            out.println("  rows: " + Counts.rows(result.rowCounts()));
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
        boolean plan = "plan".equals(result.run().command()) && result.exitCode() != ExitCodes.ABORTED
                && result.exitCode() != ExitCodes.INPUT_REJECTED && result.exitCode() != ExitCodes.USAGE;
        if (plan) {
            out.println("Plan: " + Counts.plan(result.changes(), result.blocked()) + ".");
        }
        out.printf("exit %d: %s%n", result.exitCode(), meaning(result));
        if (plan && Counts.any(result.changes())) {
            // last, whatever the exit code: a plan with some invalid rows (exit 1) is still a plan to apply
            out.println("review " + result.outDir().resolve("report.html") + ", then run: scim-sync apply "
                    + (jobFile == null ? "JOB.yml" : jobFile) + " --plan " + result.run().runId());
        }
        out.flush();
        err.flush();
    }

    /** {@code apply} of a plan that an earlier run applied: nothing was started or sent. */
    private static void appliedBefore(RunResult result, PrintWriter out) {
        out.printf("scim-sync apply: nothing sent: plan %s was applied by run %s (exit %s), and has nothing left to"
                + " send%n", result.run().planRunId(), result.run().runId(), result.run().exitCode());
        out.println("  its reports: " + result.outDir());
        out.println("  to change the organisation further, make a new plan: scim-sync plan JOB.yml");
        out.printf("exit %d: %s%n", result.exitCode(), "nothing to do");
        out.flush();
    }

    /**
     * What the exit code means for this run. A plan exits 0 whether or not it found changes; "all in sync" is said
     * only when it found none.
     */
    static String meaning(RunResult result) {
        if (result.exitCode() == ExitCodes.OK && "plan".equals(result.run().command())
                && Counts.any(result.changes())) {
            return "plan made";
        }
        return ExitCodes.meaning(result.exitCode());
    }
}
