package dev.scimsync.emulator;

import java.util.Map;

/**
 * Counters of the requests a {@link WandbEmulator} has answered since it started or since
 * {@link WandbEmulator#resetCounts()}.
 *
 * <p>Every request that passed authentication is counted, whatever its outcome: injected faults (429, 500, 503),
 * SCIM errors (400, 404, 409, 412...) and successes alike. Requests rejected with 401 are not counted.
 * A request is counted just before its response is sent, so a client that has read a response sees it counted.
 *
 * @param total    all counted requests
 * @param reads    GET requests
 * @param writes   POST, PUT, PATCH and DELETE requests
 * @param byMethod counts per HTTP method name (upper case), unmodifiable
 */
public record RequestCounts(long total, long reads, long writes, Map<String, Long> byMethod) {

    public RequestCounts {
        byMethod = Map.copyOf(byMethod);
    }
}
