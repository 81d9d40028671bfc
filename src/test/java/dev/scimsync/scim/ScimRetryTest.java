package dev.scimsync.scim;

import static dev.scimsync.scim.RecordingServer.after;
import static dev.scimsync.scim.RecordingServer.drop;
import static dev.scimsync.scim.RecordingServer.json;
import static dev.scimsync.scim.RecordingServer.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.ServerSocket;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
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

/** Retries over real HTTP: what is repeated, what is sent once, and how long the client waits. */
class ScimRetryTest {

    private static final String USER = "{\"id\":\"u1\",\"userName\":\"u\"}";

    private RecordingServer server;
    private ScimClient client;

    @BeforeEach
    void start() throws Exception {
        server = new RecordingServer();
        client = ScimClient.create(ScimTestClients.settings(server.baseUrl()).maxAttempts(4)
                .timeouts(Duration.ofSeconds(2), Duration.ofMillis(500)).build());
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void waitsForRetryAfterSecondsThenSucceeds() {
        server.reply(json(503, "{\"detail\":\"maintenance\"}", "Retry-After", "1"), json(200, USER));

        long started = System.nanoTime();
        ScimUser user = client.users().get("u1");

        assertThat(user.id()).isEqualTo("u1");
        assertThat(elapsed(started)).isGreaterThanOrEqualTo(Duration.ofMillis(950)).isLessThan(Duration.ofSeconds(5));
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void waitsForRetryAfterGivenAsHttpDate() {
        String in2s = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(2));
        server.reply(json(429, "", "Retry-After", in2s), json(200, USER));

        long started = System.nanoTime();
        client.users().get("u1");

        // the date has whole seconds: "in two seconds" waits between one and two
        assertThat(elapsed(started)).isGreaterThanOrEqualTo(Duration.ofMillis(900)).isLessThan(Duration.ofSeconds(5));
        assertThat(server.requests()).hasSize(2);
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
    }

    @Test
    void internalServerErrorOnPostIsNotRetriedBlindly() {
        server.otherwise(json(502, "{\"detail\":\"upstream\"}"));

        ScimUnknownOutcomeException e = catchThrowableOfType(ScimUnknownOutcomeException.class,
                () -> client.roles().create(ScimRole.newRole("r", "d", "member", List.of())));

        assertThat(e.status()).isEqualTo(502);
        assertThat(e.getMessage()).contains("POST /Roles → 502: upstream").contains("outcome is unknown");
        assertThat(server.requests()).hasSize(1);
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
                "http://127.0.0.1:" + closedPort + "/scim").maxAttempts(3).build())) {

            ScimRetryableException e = catchThrowableOfType(ScimRetryableException.class,
                    () -> unreachable.users().create(ScimUser.newUser("u", "U", "u@x.com")));

            assertThat(e.status()).isEqualTo(-1);
            assertThat(e.getMessage()).startsWith("POST /Users → no response");
            assertThat(unreachable.requestCounts()).containsEntry("POST", 3L);
        }
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
    }

    private static Duration elapsed(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
}
