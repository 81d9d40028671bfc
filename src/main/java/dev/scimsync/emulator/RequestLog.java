package dev.scimsync.emulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counters and the most recent requests, updated together under one lock so snapshots are consistent. */
final class RequestLog {

    private final int capacity;
    private final Deque<RecordedRequest> recent = new ArrayDeque<>();
    private final Map<String, Long> byMethod = new TreeMap<>();
    private long total;
    private long reads;
    private long writes;

    RequestLog(int capacity) {
        this.capacity = capacity;
    }

    synchronized void record(RecordedRequest request) {
        total++;
        switch (request.method()) {
            case "GET" -> reads++;
            case "POST", "PUT", "PATCH", "DELETE" -> writes++;
            default -> {
            }
        }
        byMethod.merge(request.method(), 1L, Long::sum);
        if (recent.size() == capacity) {
            recent.removeFirst();
        }
        recent.addLast(request);
    }

    synchronized RequestCounts counts() {
        return new RequestCounts(total, reads, writes, byMethod);
    }

    synchronized List<RecordedRequest> requests() {
        return List.copyOf(recent);
    }

    synchronized void reset() {
        recent.clear();
        byMethod.clear();
        total = 0;
        reads = 0;
        writes = 0;
    }
}
