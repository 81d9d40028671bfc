package dev.scimsync.job;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A loopback HTTP proxy in front of a SCIM server that records every request (method, path, body) and can answer
 * chosen ones itself with an error, so that a test sees exactly what the tool sent to a server it did not write, and
 * can make one request fail there.
 */
final class RecordingProxy implements AutoCloseable {

    /** One request as the proxy received it, and the status it answered. */
    record Exchange(String method, String path, String body, int status) {

        boolean isWrite() {
            return !method.equals("GET");
        }
    }

    private record Fault(Predicate<Exchange> when, int status, String body) {
    }

    private static final Set<String> REQUEST_HEADERS = Set.of("authorization", "content-type", "accept", "if-match",
            "if-none-match");
    private static final Set<String> RESPONSE_HEADERS = Set.of("content-type", "etag", "location");

    private final String upstream;
    private final String prefix;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
    private final List<Fault> faults = new CopyOnWriteArrayList<>();

    /**
     * @param upstreamBase the server's SCIM base URL, e.g. {@code http://127.0.0.1:4010/scim/v2}; the proxy serves
     *                     the same path
     */
    RecordingProxy(String upstreamBase) throws IOException {
        URI base = URI.create(upstreamBase);
        this.upstream = base.getScheme() + "://" + base.getRawAuthority();
        this.prefix = base.getRawPath() == null ? "" : base.getRawPath().replaceAll("/+$", "");
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    /** The base URL to give the tool: the proxy's address with the server's path. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + prefix;
    }

    /** Answers the requests {@code when} selects with {@code status} and a SCIM error body, without forwarding. */
    void fail(Predicate<Exchange> when, int status, String scimType, String detail) {
        faults.add(new Fault(when, status, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"status":"%d","scimType":"%s",\
                "detail":"%s"}""".formatted(status, scimType, detail)));
    }

    /** Answers the requests {@code when} selects with {@code status} and {@code body}, without forwarding. */
    void answer(Predicate<Exchange> when, int status, String body) {
        faults.add(new Fault(when, status, body));
    }

    void clearFaults() {
        faults.clear();
    }

    /** Every request since the last {@link #reset()}, in arrival order. */
    List<Exchange> exchanges() {
        return new ArrayList<>(exchanges);
    }

    /** Requests that change something (every method but GET). */
    List<Exchange> writes() {
        return exchanges().stream().filter(Exchange::isWrite).toList();
    }

    void reset() {
        exchanges.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
            byte[] body = exchange.getRequestBody().readAllBytes();
            String text = new String(body, StandardCharsets.UTF_8);
            Exchange seen = new Exchange(method, path, text, 0);
            for (Fault fault : faults) {
                if (fault.when().test(seen)) {
                    exchanges.add(new Exchange(method, path, text, fault.status()));
                    respond(exchange, fault.status(), "application/scim+json",
                            fault.body().getBytes(StandardCharsets.UTF_8));
                    return;
                }
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(upstream + path))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (REQUEST_HEADERS.contains(name.toLowerCase())) {
                    values.forEach(v -> request.header(name, v));
                }
            });
            HttpResponse<byte[]> response;
            try {
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
            exchanges.add(new Exchange(method, path, text, response.statusCode()));
            response.headers().map().forEach((name, values) -> {
                if (RESPONSE_HEADERS.contains(name.toLowerCase())) {
                    values.forEach(v -> exchange.getResponseHeaders().add(name, v));
                }
            });
            byte[] answer = response.body();
            exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        }
    }

    private static void respond(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();

    }
}
