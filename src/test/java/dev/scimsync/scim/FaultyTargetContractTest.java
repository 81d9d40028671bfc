package dev.scimsync.scim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scimsync.emulator.RecordedRequest;
import dev.scimsync.emulator.RequestCounts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A target that answers 429, 500 and 503 at random (seeded, so the run is repeatable): reads get through on
 * retries, and creates stay single when their outcome is checked with a GET before resending. Retry-After is 0
 * where the test is about outcomes, so the suite stays fast, and 1 s where it is about waiting.
 */
class FaultyTargetContractTest {

    @ParameterizedTest
    @ValueSource(strings = {"wandb", "wandb-saas", "scim2"})
    void readsSucceedThroughRetriesAndCreatesAreNeverDuplicated(String dialect) {
        try (Emulated target = Emulated.start(dialect,
                options -> options.withFailRate(0.2).withThrottleRate(0.1).withSeed(5).withRetryAfterSeconds(0)
                        .withLatencyMs(0),
                settings -> settings.maxAttempts(8).pageSize(3))) {
            ScimClient client = target.client;
            List<String> ids = new ArrayList<>();
            for (String name : List.of("ann", "ben", "cat", "dan", "eve", "fay", "gus")) {
                ids.add(createOnce(client, name).id());
            }

            List<String> listed = new ArrayList<>();
            client.forEachUser(null, user -> listed.add(user.id()));
            for (String id : ids) {
                assertThat(client.users().get(id).id()).isEqualTo(id);
            }

            assertThat(listed).containsExactlyInAnyOrderElementsOf(ids);
            List<RecordedRequest> requests = target.emulator.requests();
            assertThat(requests).extracting(RecordedRequest::status).contains(429).containsAnyOf(500, 503);
            assertThat(requests).filteredOn(request -> request.method().equals("POST") && request.status() == 201)
                    .hasSize(ids.size());
            // the seed makes some creates answer 500: each was sent once, then checked with a GET
            assertThat(requests).filteredOn(request -> request.method().equals("POST") && request.status() == 500)
                    .isNotEmpty();
            RequestCounts served = target.emulator.counts();
            long sent = client.requestCounts().values().stream().mapToLong(Long::longValue).sum();
            assertThat(sent).isEqualTo(served.total());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"wandb"})
    void waitsAsLongAsTheTargetAsksInRetryAfter(String dialect) {
        try (Emulated target = Emulated.start(dialect,
                options -> options.withDemoOrg(true).withThrottleRate(0.3).withSeed(2).withRetryAfterSeconds(1),
                settings -> settings.maxAttempts(8))) {
            long started = System.nanoTime();
            for (int i = 0; i < 5; i++) {
                assertThat(target.client.findUserByUserName("alice")).isPresent();
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

            long throttled = target.emulator.requests().stream().filter(request -> request.status() == 429).count();
            assertThat(throttled).isPositive();
            assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(throttled * 950));
        }
    }

    /** What the apply step does: a 409 or an unknown outcome is resolved by looking the user up. */
    private static ScimUser createOnce(ScimClient client, String userName) {
        for (int attempt = 0; attempt < 10; attempt++) {
            try {
                return client.users().create(ScimUser.newUser(userName, userName, userName + "@example.com"));
            } catch (ScimConflictException | ScimUnknownOutcomeException e) {
                Optional<ScimUser> existing = client.findUserByUserName(userName);
                if (existing.isPresent()) {
                    return existing.get();
                }
            }
        }
        throw new AssertionError("could not create " + userName);
    }
}
