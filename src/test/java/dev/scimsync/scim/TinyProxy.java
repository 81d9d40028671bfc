package dev.scimsync.scim;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real forward proxy for tests: Debian's {@code tinyproxy} (which .ci/run installs), started on a free loopback
 * port with its own configuration and log in a test's directory, optionally asking for Basic credentials, and
 * stopped by {@link #close()}. Its log shows each request it forwarded ({@code GET http://...}) and each tunnel it
 * opened ({@code CONNECT host:port}).
 */
public final class TinyProxy implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/bin/tinyproxy");

    private final Process process;
    private final int port;
    private final Path log;

    private TinyProxy(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /** Starts a proxy that needs no credentials. */
    public static TinyProxy start(Path dir) throws IOException, InterruptedException {
        return start(dir, null, null);
    }

    /** Starts a proxy that answers 407 unless a request carries {@code user:password} (Basic). */
    public static TinyProxy start(Path dir, String user, String password) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        int port = freePort();
        Path log = dir.resolve("tinyproxy.log");
        Path config = dir.resolve("tinyproxy.conf");
        Files.writeString(config, String.join("\n", List.of(
                "Port " + port,
                "Listen 127.0.0.1",
                "Timeout 60",
                "LogFile \"" + log + "\"",
                "LogLevel Info",
                "PidFile \"" + dir.resolve("tinyproxy.pid") + "\"",
                "MaxClients 50",
                "Allow 127.0.0.1",
                "DisableViaHeader Yes",
                user == null ? "" : "BasicAuth " + user + " " + password)) + "\n", StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(BINARY.toString(), "-d", "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("tinyproxy.out").toFile()).start();
        process.getOutputStream().close();
        TinyProxy proxy = new TinyProxy(process, port, log);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!proxy.accepts()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                proxy.close();
                throw new IllegalStateException("tinyproxy did not start: "
                        + Files.readString(dir.resolve("tinyproxy.out")));
            }
            process.waitFor(50, TimeUnit.MILLISECONDS);
        }
        return proxy;
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The proxy's log lines so far. */
    public List<String> log() throws IOException {
        return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
    }

    /** The log lines of requests and tunnels (one per client request), not of the proxy's own start. */
    public List<String> requests() throws IOException {
        return log().stream().filter(line -> line.contains("]: Request (file descriptor")).toList();
    }

    private boolean accepts() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
