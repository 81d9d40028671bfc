package dev.scimsync.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What report.html shows, every value ready to print: the template only places and escapes them (Thymeleaf lets
 * a template call no method of the JDK's own classes, so nothing is formatted there).
 */
record ReportPage(RunSummary summary, String started, String duration, List<String> statuses,
                  List<CountRow> counts, List<Bar> bars, int chartHeight, List<Failure> failures, long failuresMore,
                  List<DriftLine> drift, long driftMore, List<Blocked> blocked, long blockedMore, List<Step> steps,
                  String changesTitle, List<ChangeGroup> changes) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);
    static final int BAR_HEIGHT = 22;
    static final int BAR_GAP = 8;
    static final int BAR_MAX = 440;

    /** One input kind's row of the counts table, a cell per status of {@link #statuses}. */
    record CountRow(String kind, List<Long> cells, long total) {
    }

    /** One bar of the outcomes chart, laid out in SVG user units. */
    record Bar(String label, long count, int y, int textY, int width, int countX, String css) {
    }

    /** An input row that needs a person. */
    record Failure(String file, String line, String key, String status, String reason) {
    }

    record Blocked(String action, String key, String line, String reason) {
    }

    record Step(String name, String status, String seconds, long read, long written) {
    }

    /**
     * One group of changes (see {@link Changes}): its first lines, how many in all, and its CSV file's name in the
     * out dir, which the page links to by a relative address.
     */
    record ChangeGroup(String id, String title, long count, List<Change> lines, long more, String csv) {
    }

    /** One change: an operation on one object, with what it changes, attribute by attribute. */
    record Change(String action, String key, String line, List<Diff> diffs) {
    }

    /** One attribute's value before and after; an empty attribute name when the texts are not attribute lists. */
    record Diff(String attribute, String before, String after) {
    }

    /** The page of a run without its changes. */
    static ReportPage of(RunSummary summary, List<Failure> failures, long failuresMore, List<DriftLine> drift,
                         long driftMore, List<Blocked> blocked, long blockedMore) {
        return of(summary, failures, failuresMore, drift, driftMore, blocked, blockedMore, List.of());
    }

    /**
     * The page of a run: its summary, its changes (proposed by a plan, applied by sync and apply), and the first
     * lines of each list with how many more there are.
     */
    static ReportPage of(RunSummary summary, List<Failure> failures, long failuresMore, List<DriftLine> drift,
                         long driftMore, List<Blocked> blocked, long blockedMore, List<ChangeGroup> changes) {
        List<String> statuses = statuses(summary.rows());
        List<Bar> bars = bars(summary, statuses);
        List<Step> steps = summary.steps().stream().map(s -> new Step(s.name(), s.status(),
                String.format(Locale.ROOT, "%.1f", s.millis() / 1000.0), s.read(), s.written())).toList();
        return new ReportPage(summary, time(summary.startedAt()), duration(summary.startedAt(), summary.finishedAt()),
                statuses, counts(summary.rows(), statuses), bars, chartHeight(bars), failures, failuresMore, drift,
                driftMore, blocked, blockedMore, steps,
                "plan".equals(summary.command()) ? "Changes proposed" : "Changes applied", changes);
    }

    static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    static String duration(Instant start, Instant end) {
        if (start == null || end == null) {
            return "";
        }
        long seconds = Duration.between(start, end).toSeconds();
        return seconds < 60 ? seconds + " s" : seconds / 60 + " min " + seconds % 60 + " s";
    }

    /** The statuses that occur in any kind, in {@link RowStatus} order. */
    static List<String> statuses(Map<String, Map<String, Long>> rows) {
        List<String> present = new ArrayList<>();
        for (RowStatus status : RowStatus.values()) {
            if (rows.values().stream().anyMatch(m -> m.getOrDefault(status.label(), 0L) > 0)) {
                present.add(status.label());
            }
        }
        return present;
    }

    static List<CountRow> counts(Map<String, Map<String, Long>> rows, List<String> statuses) {
        List<CountRow> counts = new ArrayList<>();
        rows.forEach((kind, byStatus) -> counts.add(new CountRow(kind,
                statuses.stream().map(s -> byStatus.getOrDefault(s, 0L)).toList(),
                byStatus.values().stream().mapToLong(Long::longValue).sum())));
        return counts;
    }

    /** A horizontal bar per status that occurs, its length relative to the largest count. */
    static List<Bar> bars(RunSummary summary, List<String> statuses) {
        long max = statuses.stream().mapToLong(summary::total).max().orElse(1);
        List<Bar> bars = new ArrayList<>();
        for (String status : statuses) {
            long count = summary.total(status);
            int y = bars.size() * (BAR_HEIGHT + BAR_GAP);
            int width = (int) Math.max(2, Math.round((double) BAR_MAX * count / Math.max(1, max)));
            bars.add(new Bar(status, count, y, y + BAR_HEIGHT - 6, width, 130 + width, "bar " + tone(status)));
        }
        return bars;
    }

    static int chartHeight(List<Bar> bars) {
        return Math.max(BAR_HEIGHT, bars.size() * (BAR_HEIGHT + BAR_GAP));
    }

    private static String tone(String status) {
        return switch (RowStatus.ofLabel(status)) {
            case INVALID, FAILED, PENDING -> "bad";
            case BLOCKED, MANUAL -> "held";
            case UNCHANGED -> "same";
            case PLANNED -> "planned";
            default -> "good";
        };
    }
}
