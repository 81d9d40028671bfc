package dev.scimsync.report;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/** Input rows by input kind ({@code users}, ...) and status; a kind with no row is absent. */
public final class RowCounts {

    private final Map<String, Map<RowStatus, Long>> byKind = new TreeMap<>();

    public void add(String kind, RowStatus status, long n) {
        byKind.computeIfAbsent(kind, k -> new EnumMap<>(RowStatus.class)).merge(status, n, Long::sum);
    }

    /** Rows of one kind by status (unmodifiable; empty for a kind with no row). */
    public Map<RowStatus, Long> of(String kind) {
        return Collections.unmodifiableMap(byKind.getOrDefault(kind, Map.of()));
    }

    public Iterable<String> kinds() {
        return Collections.unmodifiableSet(byKind.keySet());
    }

    /** Rows of every kind with this status. */
    public long total(RowStatus status) {
        return byKind.values().stream().mapToLong(m -> m.getOrDefault(status, 0L)).sum();
    }

    public long total() {
        return byKind.values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum();
    }

    public boolean isEmpty() {
        return byKind.isEmpty();
    }
}
