package dev.scimsync.scim;

import static dev.scimsync.scim.RecordingServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The requests-per-second limit, shared by every thread, over real HTTP. The waits the limiter asks for are recorded
 * by a {@link RecordingClock} instead of slept, except in the one test that shows the system clock really waits.
 */
class ScimRateLimitTest {

    private static final int REQUESTS = 12;

    private RecordingServer server;

    @BeforeEach
    void start() throws Exception {
        server = new RecordingServer().otherwise(json(200, "{\"id\":\"u1\"}"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0} requests per second")
    @ValueSource(doubles = {0.5, 3, 10, 10_000})
    void eachRequestAfterTheFirstWaitsOnePeriod(double requestsPerSecond) {
        RecordingClock clock = RecordingClock.advancing();
        try (ScimClient client = ScimClient.create(ScimTestClients.settings(server.baseUrl())
                .requestsPerSecond(requestsPerSecond).build(), clock.clock())) {
            for (int i = 0; i < REQUESTS; i++) {
                client.users().get("u1");
            }
        }

        Duration period = Duration.ofNanos(Math.round(1_000_000_000d / requestsPerSecond));
        assertThat(clock.sleeps()).hasSize(REQUESTS - 1).containsOnly(period);
        assertThat(server.requests()).hasSize(REQUESTS);
    }

    @Test
    void theLimitIsSharedByAllThreads() throws Exception {
        // time stands still: a limit per thread would hand each of the four threads waits of 0..2 periods
        RecordingClock clock = RecordingClock.frozen();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try (ScimClient client = ScimClient.create(ScimTestClients.settings(server.baseUrl())
                .maxConcurrency(4).requestsPerSecond(10).build(), clock.clock())) {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(threads.submit(() -> {
                    for (int i = 0; i < REQUESTS / 4; i++) {
                        client.users().get("u1");
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }

            assertThat(client.requestCounts()).containsEntry("GET", (long) REQUESTS);
        } finally {
            threads.shutdownNow();
        }

        List<Duration> sleeps = new ArrayList<>(clock.sleeps());
        Collections.sort(sleeps);
        assertThat(sleeps).containsExactlyElementsOf(LongStream.range(1, REQUESTS)
                .mapToObj(n -> Duration.ofMillis(100 * n)).toList());
    }

    @Test
    void retriesWaitForThePermitToo() {
        RecordingClock clock = RecordingClock.advancing();
        server.reply(json(503, "", "Retry-After", "0"), json(503, "", "Retry-After", "0"));
        try (ScimClient client = ScimClient.create(ScimTestClients.settings(server.baseUrl())
                .requestsPerSecond(10).build(), clock.clock())) {
            client.users().get("u1");
        }

        // the retryer's two Retry-After waits, each followed by the limiter's wait for the next permit
        assertThat(clock.sleeps()).containsExactly(Duration.ZERO, Duration.ofMillis(100), Duration.ZERO,
                Duration.ofMillis(100));
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void noLimitByDefault() {
        RecordingClock clock = RecordingClock.advancing();
        try (ScimClient client = ScimClient.create(ScimTestClients.settings(server.baseUrl()).build(),
                clock.clock())) {
            for (int i = 0; i < REQUESTS; i++) {
                client.users().get("u1");
            }
        }

        assertThat(clock.sleeps()).isEmpty();
        assertThat(server.requests()).hasSize(REQUESTS);
    }

    @Test
    @Timeout(10)
    void theSystemClockReallyWaits() {
        try (ScimClient client = ScimClient.create(ScimTestClients.settings(server.baseUrl())
                .requestsPerSecond(10).build())) {
            long started = System.nanoTime();
            for (int i = 0; i < 5; i++) {
                client.users().get("u1");
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

            // permits come at the start of each 100 ms period counted from the client's creation: the first request
            // may fall late in the first period, so five requests span at least three whole periods
            assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(300)).isLessThan(Duration.ofSeconds(5));
        }
        assertThat(server.requests()).hasSize(5);
    }
}
