package dev.scimsync.scim;

import static dev.scimsync.scim.RecordingServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The requests-per-second limit, shared by every thread, over real HTTP. Bounds are generous: CI is slow. */
class ScimRateLimitTest {

    private RecordingServer server;

    @BeforeEach
    void start() throws Exception {
        server = new RecordingServer().otherwise(json(200, "{\"id\":\"u1\"}"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void twentyRequestsAtTenPerSecondTakeAboutTwoSeconds() {
        try (ScimClient client = ScimClient.create(ScimTestClients.settings(server.baseUrl())
                .requestsPerSecond(10).build())) {
            long started = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                client.users().get("u1");
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

            assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(1500)).isLessThan(Duration.ofSeconds(10));
        }
        assertThat(server.requests()).hasSize(20);
    }

    @Test
    void theLimitIsSharedByAllThreads() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try (ScimClient client = ScimClient.create(ScimTestClients.settings(server.baseUrl())
                .maxConcurrency(4).requestsPerSecond(10).build())) {
            long started = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 5; i++) {
                        client.users().get("u1");
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

            assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
            assertThat(client.requestCounts()).containsEntry("GET", 20L);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void noLimitByDefault() {
        try (ScimClient client = ScimTestClients.client(server.baseUrl())) {
            long started = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                client.users().get("u1");
            }

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1500));
        }
    }
}
