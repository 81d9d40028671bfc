package dev.scimsync.emulator;

import java.util.Objects;

/**
 * How to start a {@link WandbEmulator}.
 *
 * @param host              address to bind, and the host of {@link WandbEmulator#baseUrl()}; loopback by default
 * @param port              port to bind, 0 for any free port
 * @param dialect           which service provider to imitate
 * @param token             the API key clients must present (Bearer or Basic); never printed by {@link #toString()}
 * @param latencyMs         how long every answer takes, in milliseconds from the request read to the response
 *                          (the emulator's own work included)
 * @param failRate          probability (0..1) that an authenticated request answers 500 or 503 without effect
 * @param throttleRate      probability (0..1) that an authenticated request answers 429 without effect
 * @param seed              seed of the fault generator: the same seed and request order give the same faults
 * @param retryAfterSeconds value of the {@code Retry-After} header on injected 429 and 503 answers
 * @param demoOrg           seed a small demo organisation at start
 * @param seedOrg           seed a large generated organisation at start (benchmarks), or null
 * @param unauthorizedAfterWrites once this many writes have been accepted, the key is revoked: every later request
 *                          with it answers 401, as when an admin revokes a key during a run ({@link
 *                          WandbEmulator#changeToken} issues one that works); -1 for never
 * @param maxResults        the most resources one list page holds, whatever {@code count} asks for (1..{@value
 *                          Page#MAX_COUNT}); {@code itemsPerPage} then says how many came, and the scim2
 *                          {@code /ServiceProviderConfig} names it as {@code filter.maxResults}
 * @param filterSupported   false for a server without filtering: a list with a {@code filter} answers 400
 *                          {@code invalidFilter} (RFC 7644 §3.4.2.2 has a server decline a filter it cannot apply
 *                          rather than return unfiltered results) and {@code /ServiceProviderConfig} says
 *                          {@code filter.supported: false}
 * @param userDeleteRemoves what {@code DELETE /Users/{id}} does: true removes the user from the organisation (newer
 *                          W&amp;B servers, RFC 7644; deactivation is then PATCH {@code active:false}), false deactivates
 *                          it and keeps it listed (W&amp;B as first documented); null for the dialect's
 *                          ({@link #userDeleteRemovesUsers()})
 * @param teamDeleteSupported false for a server without {@code DELETE /Groups/{id}}: it answers 405
 */
public record EmulatorOptions(String host, int port, EmulatorDialect dialect, String token, long latencyMs,
        double failRate, double throttleRate, long seed, int retryAfterSeconds, boolean demoOrg,
        GeneratedOrg seedOrg, long unauthorizedAfterWrites, int maxResults, boolean filterSupported,
        Boolean userDeleteRemoves, boolean teamDeleteSupported) {

    public EmulatorOptions {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be within 0..65535, was " + port);
        }
        Objects.requireNonNull(dialect, "dialect");
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("token must not be blank");
        }
        if (latencyMs < 0) {
            throw new IllegalArgumentException("latencyMs must not be negative, was " + latencyMs);
        }
        requireRate("failRate", failRate);
        requireRate("throttleRate", throttleRate);
        if (retryAfterSeconds < 0) {
            throw new IllegalArgumentException("retryAfterSeconds must not be negative, was " + retryAfterSeconds);
        }
        if (unauthorizedAfterWrites < -1) {
            throw new IllegalArgumentException("unauthorizedAfterWrites must be -1 (never) or more, was "
                    + unauthorizedAfterWrites);
        }
        if (maxResults < 1 || maxResults > Page.MAX_COUNT) {
            throw new IllegalArgumentException("maxResults must be within 1.." + Page.MAX_COUNT + ", was " + maxResults);
        }
    }

    /**
     * Loopback, a free port, dialect {@code wandb}, no latency, no faults, seed 0, Retry-After 1 s, empty org, a key
     * never revoked, pages of up to {@value Page#MAX_COUNT} resources, filters supported, user DELETE as the dialect
     * does it, team DELETE served.
     */
    public static EmulatorOptions of(String token) {
        return new EmulatorOptions("127.0.0.1", 0, EmulatorDialect.WANDB, token, 0, 0.0, 0.0, 0L, 1, false, null, -1,
                Page.MAX_COUNT, true, null, true);
    }

    /** Whether {@code DELETE /Users/{id}} removes the user: as set, else false for {@code wandb} only. */
    public boolean userDeleteRemovesUsers() {
        return userDeleteRemoves != null ? userDeleteRemoves : dialect != EmulatorDialect.WANDB;
    }

    public EmulatorOptions withHost(String value) {
        return new EmulatorOptions(value, port, dialect, token, latencyMs, failRate, throttleRate, seed,
                retryAfterSeconds, demoOrg, seedOrg, unauthorizedAfterWrites, maxResults, filterSupported,
                userDeleteRemoves, teamDeleteSupported);
    }

    public EmulatorOptions withPort(int value) {
        return new EmulatorOptions(host, value, dialect, token, latencyMs, failRate, throttleRate, seed,
                retryAfterSeconds, demoOrg, seedOrg, unauthorizedAfterWrites, maxResults, filterSupported,
                userDeleteRemoves, teamDeleteSupported);
    }

    public EmulatorOptions withDialect(EmulatorDialect value) {
        return new EmulatorOptions(host, port, value, token, latencyMs, failRate, throttleRate, seed,
                retryAfterSeconds, demoOrg, seedOrg, unauthorizedAfterWrites, maxResults, filterSupported,
                userDeleteRemoves, teamDeleteSupported);
    }

    public EmulatorOptions withLatencyMs(long value) {
        return new EmulatorOptions(host, port, dialect, token, value, failRate, throttleRate, seed,
                retryAfterSeconds, demoOrg, seedOrg, unauthorizedAfterWrites, maxResults, filterSupported,
                userDeleteRemoves, teamDeleteSupported);
    }

    public EmulatorOptions withFailRate(double value) {
        return new EmulatorOptions(host, port, dialect, token, latencyMs, value, throttleRate, seed,
                retryAfterSeconds, demoOrg, seedOrg, unauthorizedAfterWrites, maxResults, filterSupported,
                userDeleteRemoves, teamDeleteSupported);
    }

    public EmulatorOptions withThrottleRate(double value) {
        return new EmulatorOptions(host, port, dialect, token, latencyMs, failRate, value, seed,
                retryAfterSeconds, demoOrg, seedOrg, unauthorizedAfterWrites, maxResults, filterSupported,
                userDeleteRemoves, teamDeleteSupported);
    }

    public EmulatorOptions withSeed(long value) {
        return new EmulatorOptions(host, port, dialect, token, latencyMs, failRate, throttleRate, value,
                retryAfterSeconds, demoOrg, seedOrg, unauthorizedAfterWrites, maxResults, filterSupported,
                userDeleteRemoves, teamDeleteSupported);
    }

    public EmulatorOptions withRetryAfterSeconds(int value) {
        return new EmulatorOptions(host, port, dialect, token, latencyMs, failRate, throttleRate, seed, value,
                demoOrg, seedOrg, unauthorizedAfterWrites, maxResults, filterSupported, userDeleteRemoves,
                teamDeleteSupported);
    }

    public EmulatorOptions withDemoOrg(boolean value) {
        return new EmulatorOptions(host, port, dialect, token, latencyMs, failRate, throttleRate, seed,
                retryAfterSeconds, value, seedOrg, unauthorizedAfterWrites, maxResults, filterSupported,
                userDeleteRemoves, teamDeleteSupported);
    }

    public EmulatorOptions withSeedOrg(GeneratedOrg value) {
        return new EmulatorOptions(host, port, dialect, token, latencyMs, failRate, throttleRate, seed,
                retryAfterSeconds, demoOrg, value, unauthorizedAfterWrites, maxResults, filterSupported,
                userDeleteRemoves, teamDeleteSupported);
    }

    public EmulatorOptions withUnauthorizedAfterWrites(long value) {
        return new EmulatorOptions(host, port, dialect, token, latencyMs, failRate, throttleRate, seed,
                retryAfterSeconds, demoOrg, seedOrg, value, maxResults, filterSupported, userDeleteRemoves,
                teamDeleteSupported);
    }

    public EmulatorOptions withMaxResults(int value) {
        return new EmulatorOptions(host, port, dialect, token, latencyMs, failRate, throttleRate, seed,
                retryAfterSeconds, demoOrg, seedOrg, unauthorizedAfterWrites, value, filterSupported,
                userDeleteRemoves, teamDeleteSupported);
    }

    public EmulatorOptions withFilterSupported(boolean value) {
        return new EmulatorOptions(host, port, dialect, token, latencyMs, failRate, throttleRate, seed,
                retryAfterSeconds, demoOrg, seedOrg, unauthorizedAfterWrites, maxResults, value,
                userDeleteRemoves, teamDeleteSupported);
    }

    public EmulatorOptions withUserDeleteRemoves(Boolean value) {
        return new EmulatorOptions(host, port, dialect, token, latencyMs, failRate, throttleRate, seed,
                retryAfterSeconds, demoOrg, seedOrg, unauthorizedAfterWrites, maxResults, filterSupported, value,
                teamDeleteSupported);
    }

    public EmulatorOptions withTeamDeleteSupported(boolean value) {
        return new EmulatorOptions(host, port, dialect, token, latencyMs, failRate, throttleRate, seed,
                retryAfterSeconds, demoOrg, seedOrg, unauthorizedAfterWrites, maxResults, filterSupported,
                userDeleteRemoves, value);
    }

    /** Like the generated one, but the token is masked so options can be logged safely. */
    @Override
    public String toString() {
        return "EmulatorOptions[host=" + host + ", port=" + port + ", dialect=" + dialect.id() + ", token=****"
                + ", latencyMs=" + latencyMs + ", failRate=" + failRate + ", throttleRate=" + throttleRate
                + ", seed=" + seed + ", retryAfterSeconds=" + retryAfterSeconds + ", demoOrg=" + demoOrg + ", seedOrg=" + seedOrg
                + ", unauthorizedAfterWrites=" + unauthorizedAfterWrites + ", maxResults=" + maxResults
                + ", filterSupported=" + filterSupported + ", userDeleteRemoves=" + userDeleteRemoves
                + ", teamDeleteSupported=" + teamDeleteSupported + "]";
    }

    private static void requireRate(String name, double rate) {
        if (!(rate >= 0.0 && rate <= 1.0)) {
            throw new IllegalArgumentException(name + " must be within 0..1, was " + rate);
        }
    }
}
