package dev.scimsync.scim;

import static dev.scimsync.scim.RecordingServer.after;
import static dev.scimsync.scim.RecordingServer.drop;
import static dev.scimsync.scim.RecordingServer.json;
import static dev.scimsync.scim.RecordingServer.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Retries over real HTTP: what is repeated, what is sent once, and how long the client asks to wait. The waits are
 * recorded by a {@link RecordingClock} instead of slept, except in the one test that shows the real sleeper waits.
 */
class ScimRetryTest {

    private static final String USER = "{\"id\":\"u1\",\"userName\":\"u\"}";

    private final RecordingClock clock = RecordingClock.advancing();
    private RecordingServer server;
    private ScimClient client;

    @BeforeEach
    void start() throws Exception {
        server = new RecordingServer();
        client = ScimClient.create(ScimTestClients.settings(server.baseUrl()).maxAttempts(4)
                .timeouts(Duration.ofSeconds(2), Duration.ofMillis(500)).build(), clock.clock());
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    @Timeout(10)
    void theSystemSleeperReallyWaitsRetryAfterSeconds() {
        server.reply(json(503, "{\"detail\":\"maintenance\"}", "Retry-After", "1"), json(200, USER));

        try (ScimClient real = ScimClient.create(ScimTestClients.settings(server.baseUrl()).build())) {
            long started = System.nanoTime();
            ScimUser user = real.users().get("u1");

            assertThat(user.id()).isEqualTo("u1");
            assertThat(elapsed(started)).isGreaterThanOrEqualTo(Duration.ofMillis(950))
                    .isLessThan(Duration.ofSeconds(5));
        }
        assertThat(server.requests()).hasSize(2);
    }

    /** Each form of {@code Retry-After}, against a wall clock fixed at {@link RecordingClock#NOW}. */
    @ParameterizedTest(name = "Retry-After: {0} waits {1} s")
    @CsvSource(delimiter = '|', value = {
            "0                             | 0",
            "1                             | 1",
            "7                             | 7",
            "59                            | 59",
            "60                            | 60",
            "61                            | 60",
            "86400                         | 60",
            "Wed, 21 Oct 2015 07:27:31 GMT | 1",
            "Wed, 21 Oct 2015 07:28:00 GMT | 30",
            "Wed, 21 Oct 2015 07:28:30 GMT | 60",
            "Thu, 22 Oct 2015 07:27:30 GMT | 60",
            "Wed, 21 Oct 2015 07:27:30 GMT | 0",
            "Tue, 20 Oct 2015 07:00:00 GMT | 0"})
    void waitsAsLongAsRetryAfterSaysCappedAtAMinute(String retryAfter, long seconds) {
        server.reply(json(503, "{\"detail\":\"maintenance\"}", "Retry-After", retryAfter),
                json(429, "", "Retry-After", retryAfter), json(200, USER));

        assertThat(client.users().get("u1").id()).isEqualTo("u1");

        assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(seconds), Duration.ofSeconds(seconds));
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void withoutRetryAfterTheWaitIsAJitteredBackoffUnderAGrowingCeiling() {
        server.otherwise(status(503));

        catchThrowableOfType(ScimRetryableException.class, () -> client.users().get("u1"));

        // backoff(10 ms, 50 ms) in ScimTestClients: ceilings 10, 20, 40 ms for the three waits between four attempts
        assertThat(clock.sleeps()).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(clock.sleeps().get(i)).isBetween(Duration.ZERO, Duration.ofMillis(10L << i));
        }
    }

    @Test
    void serverErrorOnGetIsRetriedUpToMaxAttemptsThenSurfacesTyped() {
        server.otherwise(json(500, "{\"detail\":\"boom\",\"status\":\"500\"}"));

        ScimRetryableException e = catchThrowableOfType(ScimRetryableException.class,
                () -> client.users().get("u1"));

        assertThat(e.status()).isEqualTo(500);
        assertThat(e.detail()).contains("boom");
        assertThat(server.requests()).hasSize(4);
        assertThat(client.requestCounts()).containsEntry("GET", 4L);
    }

    @Test
    void droppedPostIsSentOnceAndHasAnUnknownOutcome() {
        server.reply(drop());

        ScimUnknownOutcomeException e = catchThrowableOfType(ScimUnknownOutcomeException.class,
                () -> client.users().create(ScimUser.newUser("u", "U", "u@x.com")));

        assertThat(e.status()).isEqualTo(-1);
        assertThat(e.getMessage()).startsWith("POST /Users → no response").contains("outcome is unknown");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void postTimingOutIsSentOnceAndHasAnUnknownOutcome() {
        server.reply(after(Duration.ofMillis(1500), json(201, USER)));

        catchThrowableOfType(ScimUnknownOutcomeException.class,
                () -> client.groups().create(ScimGroup.newGroup("t", List.of())));

        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void droppedGetIsRetried() {
        server.reply(drop(), json(200, USER));

        assertThat(client.users().get("u1").id()).isEqualTo("u1");
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void getTimingOutIsRetried() {
        server.reply(after(Duration.ofMillis(1500), json(200, USER)), json(200, USER));

        assertThat(client.users().get("u1").id()).isEqualTo("u1");
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void tooManyRequestsOnPostIsRetriedBecauseNothingWasProcessed() {
        server.reply(json(429, "", "Retry-After", "0"), status(503), json(201, USER));

        assertThat(client.users().create(ScimUser.newUser("u", "U", "u@x.com")).id()).isEqualTo("u1");
        assertThat(server.requests()).hasSize(3).allMatch(request -> request.method().equals("POST"));
        assertThat(clock.sleeps()).hasSize(2).first().isEqualTo(Duration.ZERO);
    }

    @Test
    void internalServerErrorOnPostIsNotRetriedBlindly() {
        server.otherwise(json(502, "{\"detail\":\"upstream\"}"));

        ScimUnknownOutcomeException e = catchThrowableOfType(ScimUnknownOutcomeException.class,
                () -> client.roles().create(ScimRole.newRole("r", "d", "member", List.of())));

        assertThat(e.status()).isEqualTo(502);
        assertThat(e.getMessage()).contains("POST /Roles → 502: upstream").contains("outcome is unknown");
        assertThat(server.requests()).hasSize(1);
        assertThat(clock.sleeps()).isEmpty();
    }

    @Test
    void patchAndDeleteAreRetriedOnServerErrors() {
        server.reply(status(500), json(200, USER), status(504), status(204));

        client.users().patch("u1", PatchRequest.replaceActive(true));
        client.users().delete("u1");

        assertThat(server.requests()).extracting(RecordingServer.Recorded::method)
                .containsExactly("PATCH", "PATCH", "DELETE", "DELETE");
    }

    @Test
    void refusedConnectionIsRetriedEvenForPostBecauseNothingWasSent() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (ScimClient unreachable = ScimClient.create(ScimTestClients.settings(
                "http://127.0.0.1:" + closedPort + "/scim").maxAttempts(3).build(), clock.clock())) {

            ScimRetryableException e = catchThrowableOfType(ScimRetryableException.class,
                    () -> unreachable.users().create(ScimUser.newUser("u", "U", "u@x.com")));

            assertThat(e.status()).isEqualTo(-1);
            assertThat(e.getMessage()).startsWith("POST /Users → no response");
            assertThat(unreachable.requestCounts()).containsEntry("POST", 3L);
        }
        assertThat(clock.sleeps()).hasSize(2);
    }

    @Test
    void threadsSharingOneClientEachGetTheirOwnAttempts() throws Exception {
        Set<String> failedOnce = ConcurrentHashMap.newKeySet();
        server.otherwise(exchange -> {
            String path = exchange.getRequestURI().getPath();
            (failedOnce.add(path) ? json(503, "", "Retry-After", "0") : json(200, USER)).send(exchange);
        });
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<ScimUser>> results = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                String id = "u" + i;
                results.add(threads.submit(() -> client.users().get(id)));
            }
            for (Future<ScimUser> result : results) {
                assertThat(result.get().id()).isEqualTo("u1");
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(server.requests()).hasSize(160);
        assertThat(client.requestCounts()).containsEntry("GET", 160L);
        assertThat(clock.sleeps()).hasSize(80).containsOnly(Duration.ZERO);
    }

    private static Duration elapsed(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
