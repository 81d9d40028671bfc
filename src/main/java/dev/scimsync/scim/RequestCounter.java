package dev.scimsync.scim;

import feign.RequestInterceptor;
import feign.RequestTemplate;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counts the requests sent, per HTTP method; retries count as requests. */
final class RequestCounter implements RequestInterceptor {

    private final Map<String, AtomicLong> byMethod = new ConcurrentHashMap<>();

    @Override
    public void apply(RequestTemplate template) {
        byMethod.computeIfAbsent(template.method(), method -> new AtomicLong()).incrementAndGet();
    }

    /** A snapshot, sorted by method: {@code {DELETE=1, GET=12, PATCH=3}}. */
    Map<String, Long> snapshot() {
        Map<String, Long> counts = new TreeMap<>();
        byMethod.forEach((method, count) -> counts.put(method, count.get()));
        return Collections.unmodifiableMap(counts);
    }
}
