package dev.scimsync.emulator;

import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator as its own process (benchmarks, manual testing):
 * {@code --port P (--token T | --token-env VAR) [--dialect wandb|wandb-saas|scim2] [--latency-ms N] [--fail-rate P]
 * [--throttle-rate P] [--seed N] [--demo-org]}. Prints one ready line to stdout and serves until killed.
 * Exit code 2 on a usage error.
 */
public final class EmulatorMain {

    private EmulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmulatorOptions options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("scim-sync emulator: " + e.getMessage());
            System.err.println("usage: EmulatorMain --port P (--token T | --token-env VAR)"
                    + " [--dialect wandb|wandb-saas|scim2] [--latency-ms N] [--fail-rate P] [--throttle-rate P]"
                    + " [--seed N] [--demo-org]");
            System.exit(2);
            return;
        }
        WandbEmulator emulator = WandbEmulator.start(options);
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "scim-emulator-shutdown"));
        System.out.println("scim-sync emulator ready at " + emulator.baseUrl() + " (dialect "
                + emulator.dialect().id() + ")");
        System.out.flush();
        new CountDownLatch(1).await();
    }

    static EmulatorOptions parse(String[] args) {
        String token = null;
        EmulatorOptions options = EmulatorOptions.of("placeholder");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--demo-org")) {
                options = options.withDemoOrg(true);
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + arg);
            }
            String value = args[++i];
            try {
                switch (arg) {
                    case "--port" -> options = options.withPort(Integer.parseInt(value));
                    case "--token" -> token = value;
                    case "--token-env" -> token = System.getenv(value);
                    case "--dialect" -> options = options.withDialect(EmulatorDialect.parse(value));
                    case "--latency-ms" -> options = options.withLatencyMs(Long.parseLong(value));
                    case "--fail-rate" -> options = options.withFailRate(Double.parseDouble(value));
                    case "--throttle-rate" -> options = options.withThrottleRate(Double.parseDouble(value));
                    case "--seed" -> options = options.withSeed(Long.parseLong(value));
                    default -> throw new IllegalArgumentException("unknown option " + arg);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a number after " + arg + ": " + value);
            }
        }
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("--token (or --token-env naming a set variable) is required");
        }
        return new EmulatorOptions(options.host(), options.port(), options.dialect(), token, options.latencyMs(),
                options.failRate(), options.throttleRate(), options.seed(), options.retryAfterSeconds(),
                options.demoOrg());
    }
}
