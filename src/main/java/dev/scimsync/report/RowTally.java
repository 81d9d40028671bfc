package dev.scimsync.report;

import dev.scimsync.report.ResultRow;

import java.util.Map;

/**
 * What a run's rows and drift come to, as summary.json and report.html show them: counts per input and status, and
 * the first failures and drift lines. The report step fills one while it writes results.csv and drift.csv, so the
 * summary at the end of the run needs no second pass over every row of a large organisation; a run that stopped
 * before its report step gets one made from the state database.
 */
public final class RowTally {

    private final boolean planOnly;
    private final Map<String, String> files;
    private final RowCounts counts = new RowCounts();
    final FirstLines<ReportPage.Failure> failures = new FirstLines<>();
    final FirstLines<DriftLine> drift = new FirstLines<>();

    /** @param files input kind → the file's path as the run named it */
    RowTally(boolean planOnly, Map<String, String> files) {
        this.planOnly = planOnly;
        this.files = Map.copyOf(files);
    }

    /** Counts a result row; returns its status. */
    RowStatus add(ResultRow row) {
        RowStatus status = RowStatus.of(row, planOnly);
        counts.add(row.kind(), status, 1);
        // a removal left to a person is listed with the failures, though its row is no row to fix and feed back
        if ((FailedRows.WRITTEN.contains(status) || status == RowStatus.MANUAL)
                && (row.line() != null || status != RowStatus.BLOCKED)) {
            failures.add(new ReportPage.Failure(files.getOrDefault(row.kind(), row.kind()),
                    row.line() == null ? "" : "" + row.line(), row.key(), status.label(),
                    FailedRows.reason(row, status)));
        }
        return status;
    }

    void drift(DriftLine line) {
        drift.add(line);
    }

    public RowCounts counts() {
        return counts;
    }
}
