package dev.scimsync.report;

import dev.scimsync.state.InputFiles;
import dev.scimsync.state.PlannedOps;
import dev.scimsync.state.Results;
import dev.scimsync.state.RunRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
    /** Lines of each list that the page shows; the CSV files have them all. */
    static final int SHOWN = 500;

    private static final Logger log = LoggerFactory.getLogger(RunSummaries.class);

    private final Results results;
    private final InputFiles inputFiles;
    private final PlannedOps plannedOps;
    private final DriftReport drift;
    private final HtmlReport html = new HtmlReport();

    public RunSummaries(Results results, InputFiles inputFiles, PlannedOps plannedOps, DriftReport drift) {
        this.results = results;
        this.inputFiles = inputFiles;
        this.plannedOps = plannedOps;
        this.drift = drift;
    }

    /** Sums the run up and writes its summary.json and report.html (a write error is logged, not thrown). */
    public RunSummary write(RunEnd end) {
        RunRecord run = end.run();
        Path outDir = Path.of(run.outDir());
        RowCounts counts = new RowCounts();
        Map<String, String> files = new LinkedHashMap<>();
        inputFiles.of(run.opsRunId()).forEach(f -> files.put(f.kind(), f.path()));
        Shown<ReportPage.Failure> failures = new Shown<>();
        results.forEach(run.opsRunId(), row -> {
            RowStatus status = RowStatus.of(row, end.planOnly());
            counts.add(row.kind(), status, 1);
            if (FailedRows.WRITTEN.contains(status) && (row.line() != null || status != RowStatus.BLOCKED)) {
                failures.add(new ReportPage.Failure(files.getOrDefault(row.kind(), row.kind()), row.line() == null ? "" : "" + row.line(),
                        row.key(), status.label(), FailedRows.reason(row, status)));
            }
        });
        Shown<DriftLine> driftLines = new Shown<>();
        drift.forEach(run.opsRunId(), end.policy(), end.planOnly(), driftLines::add);
        Shown<ReportPage.Blocked> blocked = new Shown<>();
        plannedOps.forEachBlocked(run.opsRunId(), op -> blocked.add(new ReportPage.Blocked(op.kind().action(),
                op.objectKey(), op.lineNo() == null ? "" : "" + op.lineNo(), op.detail())));
        RunSummary summary = new RunSummary(run.runId(), run.jobName(), run.command(), run.planRunId(),
                run.startedAt(), end.finishedAt(), end.exitCode(), end.outcome(), end.problem(), inputs(run),
                rows(counts), driftLines.total, blocked.total, end.requests(), end.steps(), run.outDir(),
                files(outDir));
        try {
            AtomicFiles.write(outDir.resolve(SUMMARY_JSON), summary.toPrettyJson() + "\n");
            AtomicFiles.write(outDir.resolve(REPORT_HTML), html.render(ReportPage.of(summary, failures.lines,
                    failures.more(), driftLines.lines, driftLines.more(), blocked.lines, blocked.more())));
        } catch (UncheckedIOException e) {
            log.error("cannot write the run's summary: {}", e.getMessage());
        }
        return summary;
    }

    private List<RunSummary.Input> inputs(RunRecord run) {
        return inputFiles.of(run.runId()).stream()
                .map(f -> new RunSummary.Input(f.kind(), f.path(), f.sha256(), f.rowCount())).toList();
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

    /** The first {@link #SHOWN} lines of a list, and how many there were. */
    private static final class Shown<T> {
        final List<T> lines = new ArrayList<>();
        long total;

        void add(T line) {
            if (lines.size() < SHOWN) {
                lines.add(line);
            }
            total++;
        }

        long more() {
            return total - lines.size();
        }
    }
}
