package dev.scimsync.report;

import dev.scimsync.input.InputFileRepository;
import dev.scimsync.plan.PlannedOpRepository;
import dev.scimsync.plan.RoleColumns;
import dev.scimsync.plan.UnappliedValues;
import dev.scimsync.report.ResultRepository;
import dev.scimsync.state.RunRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Writes summary.json and report.html once a run has ended and its exit code is known, for every run, also one
 * stopped early: counts come from the state database, not from the report step.
 */
@Component
public class RunSummaries {

    public static final String SUMMARY_JSON = "summary.json";
    public static final String REPORT_HTML = "report.html";
    private static final Logger log = LoggerFactory.getLogger(RunSummaries.class);

    private final ResultRepository results;
    private final InputFileRepository inputFiles;
    private final PlannedOpRepository plannedOps;
    private final DriftReport drift;
    private final HtmlReport html = new HtmlReport();
    private final UnappliedValues unapplied;

    public RunSummaries(ResultRepository results, InputFileRepository inputFiles, PlannedOpRepository plannedOps,
                        DriftReport drift, UnappliedValues unapplied) {
        this.unapplied = unapplied;
        this.results = results;
        this.inputFiles = inputFiles;
        this.plannedOps = plannedOps;
        this.drift = drift;
    }

    /**
     * Sums the run up and writes its summary.json and report.html (a write error is logged, not thrown).
     *
     * @param tally what the run's report step counted, or null when the run stopped before it
     */
    public RunSummary write(RunEnd end, RowTally tally) {
        RunRecord run = end.run();
        Path outDir = Path.of(run.outDir());
        if (tally == null) {
            tally = tally(run.opsRunId(), end);
        }
        FirstLines<ReportPage.Failure> failures = tally.failures;
        FirstLines<DriftLine> driftLines = tally.drift;
        RowCounts counts = tally.counts();
        FirstLines<ReportPage.Blocked> blocked = new FirstLines<>();
        plannedOps.forEachBlocked(run.opsRunId(), op -> blocked.add(new ReportPage.Blocked(op.kind().action(),
                op.objectKey(), op.lineNo() == null ? "" : "" + op.lineNo(), op.detail())));
        Changes.Written changes = new Changes.Written(List.of(), null);
        try {
            // before the summary, which lists the out dir's files
            changes = Changes.write(plannedOps, run.opsRunId(), outDir, end.planOnly());
        } catch (UncheckedIOException e) {
            log.error("cannot write the run's changes: {}", e.getMessage());
        }
        RunSummary summary = new RunSummary(run.runId(), run.jobName(), run.command(), run.planRunId(),
                run.startedAt(), end.finishedAt(), end.exitCode(), end.outcome(), end.problem(), inputs(run),
                rows(counts), driftLines.total, blocked.total, end.requests(), end.steps(), run.outDir(),
                files(outDir), changes.counts(), unapplied(run.opsRunId(), end.roleColumns()));
        try {
            AtomicFiles.write(outDir.resolve(SUMMARY_JSON), summary.toPrettyJson() + "\n");
            AtomicFiles.write(outDir.resolve(REPORT_HTML), html.render(ReportPage.of(summary, failures.lines,
                    failures.more(), driftLines.lines, driftLines.more(), blocked.lines, blocked.more(),
                    changes.groups())));
        } catch (UncheckedIOException e) {
            log.error("cannot write the run's summary: {}", e.getMessage());
        }
        return summary;
    }

    private List<RunSummary.Unapplied> unapplied(String opsRunId, RoleColumns columns) {
        if (columns == null) {
            return null;
        }
        List<RunSummary.Unapplied> list = unapplied.of(opsRunId, columns).stream().map(c -> new RunSummary.Unapplied(
                c.kind(), c.column(), c.values(), c.reason(), c.describe())).toList();
        return list.isEmpty() ? null : list;
    }

    private RowTally tally(String opsRunId, RunEnd end) {
        Map<String, String> files = new LinkedHashMap<>();
        inputFiles.of(opsRunId).forEach(f -> files.put(f.kind(), f.path()));
        RowTally tally = new RowTally(end.planOnly(), files);
        results.forEach(opsRunId, tally::add);
        drift.forEach(opsRunId, end.policy(), end.planOnly(), tally::drift);
        return tally;
    }

    private List<RunSummary.Input> inputs(RunRecord run) {
        return inputFiles.of(run.runId()).stream()
                .map(f -> new RunSummary.Input(f.kind(), f.path(), f.sha256(), f.rowCount(), f.partial())).toList();
    }

    private static Map<String, Map<String, Long>> rows(RowCounts counts) {
        Map<String, Map<String, Long>> rows = new LinkedHashMap<>();
        for (String kind : counts.kinds()) {
            Map<String, Long> byStatus = new LinkedHashMap<>();
            counts.of(kind).forEach((status, n) -> byStatus.put(status.label(), n));
            rows.put(kind, byStatus);
        }
        return rows;
    }

    private static List<String> files(Path outDir) {
        TreeSet<String> names = new TreeSet<>(List.of(SUMMARY_JSON, REPORT_HTML));
        if (Files.isDirectory(outDir)) {
            try (Stream<Path> files = Files.list(outDir)) {
                files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".tmp")).forEach(names::add);
            } catch (IOException e) {
                log.warn("cannot list {}: {}", outDir, e.getMessage());
            }
        }
        return List.copyOf(names);
    }
}
