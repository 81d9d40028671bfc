package dev.scimsync.emulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of the emulator, in order: authentication (401, not counted), fault injection, routing
 * {@code /scim/<Resource>[/<id>]} to a {@link ResourceHandler} (and {@code /graphql} to the {@link GraphqlHandler}),
 * recording, then the latency, answering. The latency is
 * the target's whole answer time: a response leaves {@code latencyMs} after its request was read (or as soon as it
 * is ready, if the work took longer), so the emulator's own work is part of it instead of being added on top.
 */
final class ScimExchangeHandler implements HttpHandler {

    private static final Logger log = LoggerFactory.getLogger(ScimExchangeHandler.class);
    private static final String BASE_PATH = "/scim";
    private static final String GRAPHQL_PATH = "/graphql";
    private static final java.util.Set<String> WRITES = java.util.Set.of("POST", "PUT", "PATCH", "DELETE");

    private final Auth auth;
    private final Faults faults;
    private final long latencyMs;
    private final Map<String, ResourceHandler> resources;
    private final RequestLog requestLog;
    private final GraphqlHandler graphql;
    private volatile long writeLatencyMs;

    /** @param graphql answers {@code /graphql}, or null where the dialect has no GraphQL API */
    ScimExchangeHandler(Auth auth, Faults faults, long latencyMs, Map<String, ResourceHandler> resources,
            RequestLog requestLog, GraphqlHandler graphql) {
        this.graphql = graphql;
        this.auth = auth;
        this.faults = faults;
        this.latencyMs = latencyMs;
        this.resources = Map.copyOf(resources);
        this.requestLog = requestLog;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            long latency = WRITES.contains(method) ? Math.max(latencyMs, writeLatencyMs) : latencyMs;
            long answerAt = System.nanoTime() + latency * 1_000_000L;
            URI uri = exchange.getRequestURI();
            if (!auth.accepts(exchange.getRequestHeaders().getFirst("Authorization"), WRITES.contains(method))) {
                waitUntil(answerAt);
                send(exchange, ScimResponse.error(401, null, "a valid API key is required",
                        Map.of("WWW-Authenticate", "Basic realm=\"scim\", Bearer realm=\"scim\"")));
                return;
            }
            ScimResponse response = faults.next().orElseGet(() -> dispatch(exchange, method, uri, body));
            String pathAndQuery = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            requestLog.record(new RecordedRequest(method, pathAndQuery, response.status(),
                    new String(body, StandardCharsets.UTF_8)));
            log.trace("{} {} -> {}", method, pathAndQuery, response.status());
            waitUntil(answerAt);
            send(exchange, response);
        }
    }

    /** Answers writes at the earliest this long after they were read (the write done at once). */
    void writeLatency(long millis) {
        writeLatencyMs = millis;
    }

    private ScimResponse dispatch(HttpExchange exchange, String method, URI uri, byte[] body) {
        try {
            String path = uri.getPath();
            if (graphql != null && path.equals(GRAPHQL_PATH)) {
                return graphql.handle(method, body);
            }
            if (!path.equals(BASE_PATH) && !path.startsWith(BASE_PATH + "/")) {
                throw ScimException.notFound("no such endpoint: " + path);
            }
            String[] segments = path.substring(BASE_PATH.length()).replaceAll("^/+|/+$", "").split("/", -1);
            ResourceHandler handler = resources.get(segments[0]);
            if (handler == null || segments.length > 2 || segments.length == 2 && segments[1].isEmpty()) {
                throw ScimException.notFound("no such endpoint: " + path);
            }
            var headers = exchange.getRequestHeaders();
            ScimRequest request = new ScimRequest(method, segments.length == 2 ? segments[1] : null,
                    query(uri.getRawQuery()), body, headers.getFirst("Content-Type"), headers.getFirst("If-Match"));
            return handler.handle(request);
        } catch (ScimException e) {
            return e.toResponse();
        } catch (RuntimeException e) {
            log.warn("unexpected failure answering {} {}", method, uri.getPath(), e);
            return ScimResponse.error(500, null, "internal error: " + e.getClass().getSimpleName(), Map.of());
        }
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> params = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        try {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                params.putIfAbsent(name.toLowerCase(Locale.ROOT), value);
            }
        } catch (IllegalArgumentException e) {
            throw ScimException.badRequest("invalidSyntax", "malformed query string");
        }
        return params;
    }

    private static void waitUntil(long nanoTime) {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            try {
                Thread.sleep(left / 1_000_000L, (int) (left % 1_000_000L));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void send(HttpExchange exchange, ScimResponse response) throws IOException {
        response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        if (response.body() == null) {
            exchange.sendResponseHeaders(response.status(), -1);
            return;
        }
        byte[] bytes = response.body();
        if (!response.headers().containsKey("Content-Type")) {
            exchange.getResponseHeaders().set("Content-Type", "application/scim+json");
        }
        exchange.sendResponseHeaders(response.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
