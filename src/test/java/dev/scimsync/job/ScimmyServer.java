package dev.scimsync.job;

import org.junit.jupiter.api.Assumptions;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * SCIMMY (npm {@code scimmy} and {@code scimmy-routers}), an independent SCIM 2.0 server, run with node from
 * {@code test-tools/scimmy}: {@code server.js} keeps users and groups in memory, SCIMMY does the protocol. Tests
 * that need it are skipped only where node is missing; {@code .ci/run} installs node and the pinned packages.
 */
final class ScimmyServer implements AutoCloseable {

    static final Path DIR = Path.of("test-tools", "scimmy");

    private final Process process;
    private final String baseUrl;

    /** @param pageSize the most resources one list answer holds, whatever count the client asked for */
    ScimmyServer(String token, int pageSize) throws IOException, InterruptedException {
        Assumptions.assumeTrue(onPath("node"), "node is not installed");
        if (!Files.isDirectory(DIR.resolve("node_modules"))) {
            Process install = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(DIR.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!install.waitFor(5, TimeUnit.MINUTES) || install.exitValue() != 0) {
                install.destroyForcibly();
                throw new IllegalStateException("npm ci in " + DIR + " failed");
            }
        }
        process = new ProcessBuilder("node", "server.js", "0", token, String.valueOf(pageSize))
                .directory(DIR.toFile()).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.startsWith("listening ")) {
                        return line.substring("listening ".length()).trim();
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        });
        try {
            baseUrl = ready.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IllegalStateException("the SCIMMY server did not start", e);
        }
        if (baseUrl == null) {
            process.destroyForcibly();
            throw new IllegalStateException("the SCIMMY server stopped before it was ready");
        }
        // keep reading its output, so that it never blocks on a full pipe
        CompletableFuture.runAsync(() -> {
            try {
                while (out.readLine() != null) {
                    // discarded
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
    }

    String baseUrl() {
        return baseUrl;
    }

    static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
