package dev.scimsync.cli;

import dev.scimsync.job.ExitCodes;
import dev.scimsync.report.RunSummary;
import dev.scimsync.input.InputFileRepository;
import dev.scimsync.state.RunRecord;
import dev.scimsync.state.RunRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.util.Map;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/** {@code scim-sync history}: past runs, newest first. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "List past runs, newest first: start (UTC), run id, job, command, inputs' checksums, counts,"
                + " exit code.")
final class HistoryCommand extends ReadCommand {

    static final DateTimeFormatter START = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final String ROW = "%-16s  %-20s  %-12s  %-7s  %-24s  %-4s  %s%n";

    @Option(names = "--limit", defaultValue = "20", paramLabel = "N", description = "Runs shown. Default: ${DEFAULT-VALUE}.")
    int limit;

    @Override
    int read(StateReader state, PrintWriter out, PrintWriter err) {
        RunRepository runs = state.runs();
        InputFileRepository inputFiles = state.inputFiles();
        List<RunRecord> recent = runs.recent(Math.max(1, limit));
        if (recent.isEmpty()) {
            out.println("no runs in the state database yet");
            return ExitCodes.OK;
        }
        out.printf(ROW, "start (UTC)", "run", "job", "command", "inputs (sha-256)", "exit", "rows");
        for (RunRecord run : recent) {
            String inputs = inputFiles.of(run.runId()).stream()
                    .map(f -> f.kind() + ":" + f.sha256().substring(0, 12)).collect(Collectors.joining(" "));
            String counts = runs.summaryJson(run.runId()).map(RunSummary::fromJson).map(HistoryCommand::counts)
                    .orElse(run.exitCode() == null ? "(not finished)" : "-");
            out.printf(ROW, START.format(run.startedAt()), run.runId(), run.jobName(), run.command(),
                    inputs.isEmpty() ? "-" : inputs, run.exitCode() == null ? "-" : run.exitCode().toString(), counts);
        }
        return ExitCodes.OK;
    }

    /** E.g. {@code 314 - created 12, unchanged 300, invalid 2, failed 0}: as the run's terminal said them. */
    static String counts(RunSummary summary) {
        Map<String, Long> rows = summary.rowsByStatus();
        return rows.isEmpty() ? "no rows" : Counts.rows(rows);
    }
}
