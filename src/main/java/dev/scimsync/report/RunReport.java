package dev.scimsync.report;

import dev.scimsync.input.InputFileRepository;
import dev.scimsync.plan.OpKind;
import dev.scimsync.plan.PlannedOp;
import dev.scimsync.plan.PlannedOpRepository;
import dev.scimsync.report.ResultRow;
import dev.scimsync.report.ResultRepository;
import org.springframework.stereotype.Component;

import dev.scimsync.validate.RowErrorRecord;
import dev.scimsync.validate.RowErrorRepository;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes a run's plan.csv and results.csv into its out dir and counts the rows by status. */
@Component
public class RunReport {

    public static final String PLAN_CSV = "plan.csv";
    public static final String RESULTS_CSV = "results.csv";
    public static final String BLOCKED_CSV = "blocked.csv";

    private final PlannedOpRepository plannedOps;
    private final ResultRepository results;
    private final InputFileRepository inputFiles;
    private final RowErrorRepository rowErrors;

    public RunReport(PlannedOpRepository plannedOps, ResultRepository results, InputFileRepository inputFiles,
                     RowErrorRepository rowErrors) {
        this.plannedOps = plannedOps;
        this.results = results;
        this.inputFiles = inputFiles;
        this.rowErrors = rowErrors;
    }

    /**
     * What the rows of a run that only loaded its inputs ({@code validate}) came to: writes {@code failed-<kind>.csv}
     * for each input, exactly as a run that plans writes them, and returns the counts and the first {@code shown}
     * errors.
     */
    public Validation writeValidation(String runId, Path outDir, int shown) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        Map<String, String> paths = new LinkedHashMap<>();
        inputFiles.of(runId).forEach(f -> {
            headers.put(f.kind(), f.headerFields());
            paths.put(f.kind(), f.path());
        });
        RowCounts counts = new RowCounts();
        try (FailedRows failed = new FailedRows(outDir, headers)) {
            results.forEach(runId, row -> {
                // no operation was planned: a row is either invalid or, as far as the inputs go, fine
                RowStatus status = row.invalid() ? RowStatus.INVALID : RowStatus.UNCHANGED;
                counts.add(row.kind(), status, 1);
                failed.accept(row, status);
            });
        }
        List<Validation.Input> inputs = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        long errors = 0;
        for (Map.Entry<String, String> input : paths.entrySet()) {
            String kind = input.getKey();
            long rows = counts.of(kind).values().stream().mapToLong(Long::longValue).sum();
            inputs.add(new Validation.Input(kind, input.getValue(), rows,
                    counts.of(kind).getOrDefault(RowStatus.INVALID, 0L)));
            errors += rowErrors.count(runId, kind);
            for (RowErrorRecord error : rowErrors.first(runId, kind, shown - lines.size())) {
                lines.add(input.getValue() + " line " + error.line() + (error.column() == null ? ""
                        : ", column " + error.column()) + ": " + error.reason());
            }
        }
        return new Validation(inputs, lines, errors, outDir);
    }

    /**
     * One line per write the plan will send, in execution order: what changes, before and after. The members of a
     * team the plan creates are sent in its create request, which names how many there are: their own operations
     * (kept to report each membership row) are not listed again.
     */
    public long writePlan(String runId, Path outDir) {
        long[] count = {0};
        try (SafeCsv csv = SafeCsv.open(outDir.resolve(PLAN_CSV),
                "n", "action", "key", "line", "target_id", "before", "after", "state", "detail")) {
            plannedOps.forEach(runId, op -> {
                if (foldedIntoCreate(op)) {
                    return;
                }
                csv.row(count[0] + 1, op.kind().action(), op.objectKey(), op.lineNo(), op.targetId(), op.before(),
                        op.after(), op.state().name().toLowerCase(Locale.ROOT), op.detail());
                count[0]++;
            });
        }
        return count[0];
    }

    /**
     * Whether the operation adds a member to a team that did not exist when the plan was made: the member goes into
     * the team's create request, and this operation sends nothing of its own.
     */
    static boolean foldedIntoCreate(PlannedOp op) {
        return op.kind() == OpKind.ADD_MEMBER && op.targetId() == null;
    }

    /**
     * One line per operation held back by a safety rule (removal limit, protected user, last admin): what it would
     * have done and why it was not sent.
     */
    public long writeBlocked(String opsRunId, Path outDir) {
        long[] count = {0};
        try (SafeCsv csv = SafeCsv.open(outDir.resolve(BLOCKED_CSV),
                "action", "key", "line", "target_id", "before", "after", "reason")) {
            plannedOps.forEachBlocked(opsRunId, op -> {
                csv.row(op.kind().action(), op.objectKey(), op.lineNo(), op.targetId(), op.before(), op.after(),
                        op.detail());
                count[0]++;
            });
        }
        return count[0];
    }

    /**
     * One line per input row (and per operation on an object no row names), with its final status; and, in the same
     * pass, {@code failed-<kind>.csv} for each input and the tally that the run's summary shows.
     *
     * @param files the input files by kind ({@code users}), as the job names them
     */
    public RowTally writeResults(String opsRunId, Path outDir, boolean planOnly, Map<String, String> files) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        Map<String, String> paths = new LinkedHashMap<>();
        inputFiles.of(opsRunId).forEach(f -> {
            headers.put(f.kind(), f.headerFields());
            paths.put(f.kind(), f.path());
        });
        RowTally tally = new RowTally(planOnly, paths);
        try (FailedRows failed = new FailedRows(outDir, headers);
             SafeCsv csv = SafeCsv.open(outDir.resolve(RESULTS_CSV), "file", "line", "key", "kind", "action",
                "status", "target_id", "http_status", "error_type", "detail", "attempts")) {
            results.forEach(opsRunId, row -> {
                RowStatus status = tally.add(row);
                failed.accept(row, status);
                csv.row(files.getOrDefault(row.kind(), row.kind() + ".csv"), row.line() == null ? "" : row.line(), row.key(), kindOf(row.kind()),
                        row.opKind() == null ? "" : row.opKind().action() + (row.line() == null ? " (absent)" : ""),
                        status.label(), row.targetId(), row.httpStatus(), row.errorType(), detail(row),
                        row.attempts());
            });
        }
        return tally;
    }

    private static String detail(ResultRow row) {
        return row.invalid() ? row.reason() : row.detail();
    }

    private static String kindOf(String inputKind) {
        return switch (inputKind) {
            case "users" -> "user";
            case "teams" -> "team";
            case "memberships" -> "membership";
            case "roles" -> "role";
            case "service-accounts" -> "service account";
            default -> inputKind;
        };
    }
}
