package dev.scimsync.cli;

import dev.scimsync.job.ExitCodes;
import dev.scimsync.report.RunSummary;
import dev.scimsync.report.StepTiming;
import dev.scimsync.state.RunRecord;
import dev.scimsync.state.RunRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** {@code scim-sync report RUN}: one run's summary and where its files are. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Print one run's summary and the path of its files (exit 2 for an unknown run).")
final class ReportCommand extends ReadCommand {

    @Parameters(index = "0", paramLabel = "RUN", description = "The run id (see 'scim-sync history').")
    String runId;

    @Override
    int read(StateReader state, PrintWriter out, PrintWriter err) {
        RunRepository runs = state.runs();
        Optional<RunRecord> found = runs.find(runId);
        if (found.isEmpty()) {
            err.println("scim-sync: no run " + runId + " in the state database (see 'scim-sync history')");
            return ExitCodes.USAGE;
        }
        RunRecord run = found.get();
        out.printf("run %s: %s of job %s%s%n", run.runId(), run.command(), run.jobName(),
                run.planRunId() == null ? "" : ", applying plan " + run.planRunId());
        out.println("  started:  " + HistoryCommand.START.format(run.startedAt()) + " UTC");
        Optional<RunSummary> summary = runs.summaryJson(runId).map(RunSummary::fromJson);
        if (summary.isEmpty()) {
            out.println(run.exitCode() == null ? "  not finished: still running, or interrupted ('scim-sync resume "
                    + run.runId() + "')" : "  exit " + run.exitCode() + ": " + ExitCodes.meaning(run.exitCode()));
        } else {
            print(summary.get(), out);
        }
        files(Path.of(run.outDir()), out);
        return ExitCodes.OK;
    }

    private static void print(RunSummary s, PrintWriter out) {
        out.println("  finished: " + HistoryCommand.START.format(s.finishedAt()) + " UTC");
        out.println("  exit " + s.exitCode() + ": " + s.outcome());
        if (s.problem() != null) {
            out.println("  problem:  " + s.problem());
        }
        s.inputs().forEach(i -> out.printf("  input %s: %s, %d rows, sha-256 %s%n", i.kind(), i.path(), i.rows(),
                i.sha256()));
        out.println("  rows: " + HistoryCommand.counts(s));
        s.rows().forEach((kind, byStatus) -> out.printf("    %s: %s%n", kind, Counts.rows(byStatus)));
        if ("plan".equals(s.command()) && s.changes() != null) {
            out.println("  plan: " + Counts.plan(s.changes(), s.blocked()));
        } else if (s.changes() != null) {
            out.println("  applied: " + Counts.applied(s.changes()));
        }
        out.printf("  drift: %d, held back: %d%n", s.drift(), s.blocked());
        for (StepTiming step : s.steps()) {
            out.printf("  step %-16s %-9s %7.1f s  read %d, written %d%n", step.name(), step.status(),
                    step.millis() / 1000.0, step.read(), step.written());
        }
    }

    private static void files(Path outDir, PrintWriter out) {
        out.println("files in " + outDir.toAbsolutePath().normalize() + ":");
        if (!Files.isDirectory(outDir)) {
            out.println("  (the folder is gone)");
            return;
        }
        try (Stream<Path> files = Files.list(outDir)) {
            files.sorted().forEach(f -> out.printf("  %-24s %,d bytes%n", f.getFileName(), size(f)));
        } catch (IOException e) {
            out.println("  (cannot list the folder: " + e.getMessage() + ")");
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
