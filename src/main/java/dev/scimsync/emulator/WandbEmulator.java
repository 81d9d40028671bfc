package dev.scimsync.emulator;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * An in-memory stand-in for a W&amp;B organisation's SCIM API ({@code /scim/Users}, {@code /scim/Groups},
 * {@code /scim/Roles}) and the two GraphQL operations of team service accounts ({@code /graphql}) on the JDK's HTTP server, for tests, benchmarks and the demo. Thread-safe; serves many
 * concurrent clients on a bounded pool of daemon threads. Shares no code with the SCIM client, so a client bug
 * cannot hide behind a matching server bug.
 *
 * <pre>{@code
 * try (WandbEmulator emulator = WandbEmulator.start(EmulatorOptions.of("key"))) {
 *     String url = emulator.baseUrl();   // http://127.0.0.1:<port>/scim
 * }
 * }</pre>
 */
public final class WandbEmulator implements AutoCloseable {

    private static final int THREADS = 64;
    private static final int BACKLOG = 256;
    private static final int RECORDED_REQUESTS = 10_000;
    private static final String NODELAY = "sun.net.httpserver.nodelay";

    static {
        // The JDK server writes the response headers and body in two segments; with Nagle's algorithm on, the
        // body waits for the client's delayed ACK (~40 ms a request on Linux loopback). The server reads this
        // switch once, when its first instance is created, and it only ever makes JDK HttpServers answer sooner.
        if (System.getProperty(NODELAY) == null) {
            System.setProperty(NODELAY, "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final EmulatorDialect dialect;
    private final String baseUrl;
    private final RequestLog requestLog;
    private final Auth auth;
    private final ScimExchangeHandler handler;
    private final OrgStore store;
    private final AtomicBoolean closed = new AtomicBoolean();

    private WandbEmulator(HttpServer server, ExecutorService executor, EmulatorDialect dialect, String baseUrl,
            RequestLog requestLog, Auth auth, ScimExchangeHandler handler, OrgStore store) {
        this.server = server;
        this.store = store;
        this.handler = handler;
        this.auth = auth;
        this.executor = executor;
        this.dialect = dialect;
        this.baseUrl = baseUrl;
        this.requestLog = requestLog;
    }

    /**
     * Binds {@code options.host():options.port()} and starts serving.
     *
     * @throws UncheckedIOException when the address cannot be bound, e.g. the port is taken
     */
    public static WandbEmulator start(EmulatorOptions options) {
        return start(options, null);
    }

    /**
     * Binds and starts serving HTTPS with the key and certificate of {@code tls} (a test makes both from its own CA),
     * or plain HTTP when {@code tls} is null. {@link #baseUrl()} then starts with {@code https://}.
     *
     * @throws UncheckedIOException when the address cannot be bound, e.g. the port is taken
     */
    public static WandbEmulator start(EmulatorOptions options, SSLContext tls) {
        HttpServer server;
        try {
            InetSocketAddress address = new InetSocketAddress(options.host(), options.port());
            if (tls == null) {
                server = HttpServer.create(address, BACKLOG);
            } else {
                HttpsServer https = HttpsServer.create(address, BACKLOG);
                https.setHttpsConfigurator(new HttpsConfigurator(tls));
                server = https;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the emulator to " + options.host() + ":" + options.port(), e);
        }
        String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        String baseUrl = (tls == null ? "http://" : "https://") + host + ":" + server.getAddress().getPort() + "/scim";
        Clock clock = Clock.systemUTC();
        OrgStore store = new OrgStore();
        if (options.demoOrg()) {
            store.write(org -> DemoOrg.seed(org, clock.instant()));
        }
        if (options.seedOrg() != null) {
            store.write(org -> options.seedOrg().seed(org, clock.instant().truncatedTo(ChronoUnit.MILLIS)));
        }
        Renderer renderer = Renderer.forDialect(options.dialect(), baseUrl);
        Listing listing = Listing.of(options);
        Map<String, ResourceHandler> resources = new java.util.HashMap<>(Map.of(
                "Users", new UsersHandler(options.dialect(), store, renderer, clock, listing,
                        options.userDeleteRemovesUsers()),
                "Groups", new GroupsHandler(options.dialect(), store, renderer, clock, listing,
                        options.teamDeleteSupported())));
        if (options.dialect().isWandb()) {
            resources.put("Roles", new RolesHandler(store, clock, listing));
        } else {
            resources.put("ServiceProviderConfig", new ServiceProviderConfigHandler(baseUrl, listing));
        }
        RequestLog requestLog = new RequestLog(RECORDED_REQUESTS);
        Faults faults = new Faults(options.throttleRate(), options.failRate(), options.seed(),
                options.retryAfterSeconds());
        Auth auth = new Auth(options.token(), options.unauthorizedAfterWrites());
        ScimExchangeHandler handler = new ScimExchangeHandler(auth, faults, options.latencyMs(), resources,
                requestLog, options.dialect().isWandb() ? new GraphqlHandler(store, clock) : null);
        server.createContext("/", handler);
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, daemonThreads());
        server.setExecutor(executor);
        server.start();
        return new WandbEmulator(server, executor, options.dialect(), baseUrl, requestLog, auth, handler, store);
    }

    /**
     * From now on answers each write (POST, PUT, PATCH, DELETE) {@code delay} after its request was read, the write
     * itself done at once: a target slow to answer writes, for tests of a client whose read timeout is shorter (the
     * write happened, but the client does not know it). {@link Duration#ZERO} ends it.
     */
    public void slowWrites(Duration delay) {
        if (delay == null || delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
        handler.writeLatency(delay.toMillis());
    }

    /**
     * Revokes the key and accepts only {@code token} from now on: requests in flight with the old key may still
     * pass, later ones get 401. For tests of what a client does when its key stops working mid-run.
     */
    public void changeToken(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("token must not be blank");
        }
        auth.change(token);
    }

    /** The SCIM base URL, e.g. {@code http://127.0.0.1:8080/scim}, without a trailing slash. */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * Every team's service accounts, with the API keys generated for them: for tests that show a key never reaches
     * the tool. Served at {@code /graphql} in the W&amp;B dialects only.
     */
    public List<EmulatedServiceAccount> serviceAccounts() {
        return store.read(org -> org.allServiceAccounts().stream().map(a -> new EmulatedServiceAccount(a.id(),
                org.team(a.teamId()).name(), a.description(), a.apiKey())).toList());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public EmulatorDialect dialect() {
        return dialect;
    }

    /** A snapshot of the counters since start or the last {@link #resetCounts()}; see {@link RequestCounts}. */
    public RequestCounts counts() {
        return requestLog.counts();
    }

    /** The most recent requests (at most 10,000), oldest first; see {@link RecordedRequest}. */
    public List<RecordedRequest> requests() {
        return requestLog.requests();
    }

    /** Clears the counters and the recorded requests; the organisation is left as it is. */
    public void resetCounts() {
        requestLog.reset();
    }

    /** Stops accepting connections and stops the worker threads at once; idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
            executor.shutdownNow();
            try {
                executor.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "scim-emulator-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
