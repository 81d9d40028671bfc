package dev.scimsync.cli;

import dev.scimsync.job.ExitCodes;
import dev.scimsync.emulator.EmulatorDialect;
import dev.scimsync.emulator.EmulatorOptions;
import dev.scimsync.emulator.GeneratedOrg;
import dev.scimsync.emulator.WandbEmulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code scim-sync emulator}: serve the built-in W&B SCIM emulator until interrupted. */
@Command(name = "emulator", mixinStandardHelpOptions = true,
        description = "Run the built-in W&B SCIM emulator (tests, benchmarks, demos).")
final class EmulatorCommand implements Callable<Integer> {

    static final String TOKEN_ENV = "SCIM_SYNC_EMULATOR_TOKEN";

    @Spec
    CommandSpec spec;

    @Option(names = "--port", defaultValue = "8080", description = "Port to listen on (0 = any free port). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind. Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--dialect", defaultValue = "wandb", description = "wandb, wandb-saas or scim2. Default: ${DEFAULT-VALUE}.")
    String dialect;

    @Option(names = "--token", description = "API key clients must present (default: $" + TOKEN_ENV + ", else a generated one).")
    String token;

    @Option(names = "--latency-ms", defaultValue = "0", description = "Answer every request N ms after it arrives (the emulator's own work included).")
    long latencyMs;

    @Option(names = "--fail-rate", defaultValue = "0", description = "Probability of a random 500/503.")
    double failRate;

    @Option(names = "--throttle-rate", defaultValue = "0", description = "Probability of a 429 with Retry-After.")
    double throttleRate;

    @Option(names = "--retry-after", defaultValue = "1", description = "Seconds sent in Retry-After. Default: ${DEFAULT-VALUE}.")
    int retryAfterSeconds;

    @Option(names = "--seed", defaultValue = "0", description = "Random seed, for repeatable faults.")
    long seed;

    @Option(names = "--demo-org", description = "Start with the small demo organisation.")
    boolean demoOrg;

    @Option(names = "--seed-org", paramLabel = "users=N,teams=N,memberships=N,roles=N",
            description = "Start with a large generated organisation, the one bench/GenerateOrg.java writes (benchmarks).")
    String seedOrg;

    @Option(names = "--max-results", defaultValue = "9999", paramLabel = "N",
            description = "Answer at most N resources a page, whatever count asks for. Default: ${DEFAULT-VALUE}.")
    int maxResults;

    @Option(names = "--no-filter", description = "Act as a server without filtering: every filter answers 400 invalidFilter.")
    boolean noFilter;

    @Option(names = "--user-delete", paramLabel = "deactivates|removes",
            description = "What DELETE /Users/{id} does: deactivates (the user stays listed, inactive) or removes (the"
                    + " user leaves the organisation; deactivation is PATCH active:false). Default: removes, but"
                    + " deactivates for dialect wandb.")
    String userDelete;

    @Option(names = "--no-team-delete", description = "Act as a server without DELETE /Groups/{id}: it answers 405.")
    boolean noTeamDelete;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        EmulatorDialect parsedDialect;
        try {
            parsedDialect = EmulatorDialect.parse(dialect);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("scim-sync emulator: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        if (userDelete != null && !userDelete.equals("deactivates") && !userDelete.equals("removes")) {
            spec.commandLine().getErr().println("scim-sync emulator: --user-delete must be deactivates or removes,"
                    + " was '" + userDelete + "'");
            return ExitCodes.USAGE;
        }
        String key = token != null ? token : System.getenv(TOKEN_ENV);
        boolean generated = key == null || key.isBlank();
        if (generated) {
            key = generateToken();
        }
        EmulatorOptions options;
        try {
            options = EmulatorOptions.of(key).withHost(host).withPort(port).withDialect(parsedDialect)
                    .withLatencyMs(latencyMs).withFailRate(failRate).withThrottleRate(throttleRate)
                    .withRetryAfterSeconds(retryAfterSeconds).withSeed(seed).withDemoOrg(demoOrg)
                    .withSeedOrg(seedOrg == null ? null : GeneratedOrg.parse(seedOrg))
                    .withMaxResults(maxResults).withFilterSupported(!noFilter)
                    .withUserDeleteRemoves(userDelete == null ? null : userDelete.equals("removes"))
                    .withTeamDeleteSupported(!noTeamDelete);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("scim-sync emulator: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        try (WandbEmulator emulator = WandbEmulator.start(options)) {
            out.println("scim-sync emulator ready at " + emulator.baseUrl() + " (dialect " + parsedDialect.id() + ")");
            if (generated) {
                // a throwaway key for a local test server; printed so that a client can be pointed at it
                out.println("generated token: " + key);
            }
            out.flush();
            awaitShutdown();
            return ExitCodes.OK;
        } catch (UncheckedIOException e) {
            spec.commandLine().getErr().println("scim-sync emulator: cannot listen on " + host + ":" + port
                    + " (" + e.getCause().getMessage() + ")");
            return ExitCodes.USAGE;
        }
    }

    /** Blocks until the JVM shuts down (Ctrl-C, SIGTERM) or the calling thread is interrupted. */
    private static void awaitShutdown() {
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(stopped::countDown, "emulator-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already going down; nothing to undo
            }
        }
    }

    private static String generateToken() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
