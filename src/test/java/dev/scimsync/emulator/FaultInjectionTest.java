package dev.scimsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Injected 429/500/503 answers: repeatable for a seed, with Retry-After, and without side effects. */
class FaultInjectionTest {

    private static final String TOKEN = "fault-key";

    private static List<Integer> statuses(EmulatorOptions options, int requests) {
        try (WandbEmulator emulator = WandbEmulator.start(options)) {
            ScimHttp http = ScimHttp.bearer(emulator, TOKEN);
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                statuses.add(http.get("/Users").status());
            }
            return statuses;
        }
    }

    @Test
    void theSameSeedGivesTheSameSequenceOfStatuses() {
        EmulatorOptions options = EmulatorOptions.of(TOKEN).withThrottleRate(0.2).withFailRate(0.2).withSeed(42);

        List<Integer> first = statuses(options, 60);
        List<Integer> second = statuses(options, 60);
        List<Integer> otherSeed = statuses(options.withSeed(7), 60);

        assertThat(first).isEqualTo(second).contains(200, 429).containsAnyOf(500, 503);
        assertThat(otherSeed).isNotEqualTo(first);
    }

    @Test
    void throttlingAnswers429WithRetryAfterAndAScimError() {
        try (WandbEmulator emulator = WandbEmulator.start(
                EmulatorOptions.of(TOKEN).withThrottleRate(1.0).withRetryAfterSeconds(3))) {
            ScimHttp.Reply reply = ScimHttp.bearer(emulator, TOKEN).get("/Users").expect(429);

            assertThat(reply.header("Retry-After")).isEqualTo("3");
            assertThat(reply.body().get("status").asString()).isEqualTo("429");
            assertThat(emulator.counts().total()).isEqualTo(1);
            assertThat(emulator.requests().get(0).status()).isEqualTo(429);
        }
    }

    @Test
    void failuresAre500Or503AndA503CarriesRetryAfter() {
        try (WandbEmulator emulator = WandbEmulator.start(EmulatorOptions.of(TOKEN).withFailRate(1.0).withSeed(3))) {
            ScimHttp http = ScimHttp.bearer(emulator, TOKEN);
            for (int i = 0; i < 20; i++) {
                ScimHttp.Reply reply = http.get("/Users");
                assertThat(reply.status()).isIn(500, 503);
                if (reply.status() == 503) {
                    assertThat(reply.header("Retry-After")).isEqualTo("1");
                }
            }
        }
    }

    @Test
    void aFaultedRequestHasNoEffect() {
        try (WandbEmulator emulator = WandbEmulator.start(EmulatorOptions.of(TOKEN).withFailRate(0.5).withSeed(1))) {
            ScimHttp http = ScimHttp.bearer(emulator, TOKEN);
            int created = 0;
            for (int i = 0; i < 20; i++) {
                created += http.post("/Users", "{\"userName\":\"u%d\",\"emails\":[{\"value\":\"u%d@example.com\"}]}"
                        .formatted(i, i)).status() == 201 ? 1 : 0;
            }
            ScimHttp.Reply list = http.get("/Users");
            while (list.status() != 200) {
                list = http.get("/Users");
            }

            assertThat(created).isBetween(1, 19);
            assertThat(list.body().get("totalResults").asInt()).isEqualTo(created);
        }
    }

    @Test
    void latencyDelaysEveryResponse() {
        try (WandbEmulator emulator = WandbEmulator.start(EmulatorOptions.of(TOKEN).withLatencyMs(150))) {
            ScimHttp http = ScimHttp.bearer(emulator, TOKEN);
            long started = System.nanoTime();
            http.get("/Users").expect(200);
            assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(150);
        }
    }

    @Test
    void aRefusedRequestTakesTheLatencyToo() {
        try (WandbEmulator emulator = WandbEmulator.start(EmulatorOptions.of(TOKEN).withLatencyMs(150))) {
            ScimHttp http = ScimHttp.bearer(emulator, "not-the-key");
            long started = System.nanoTime();
            http.get("/Users").expect(401);
            assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(150);
        }
    }

    @Test
    void theKeyIsRevokedOnceNWritesWereAcceptedAndANewKeyWorks() {
        for (int n : new int[] {0, 1, 3}) {
            try (WandbEmulator emulator = WandbEmulator.start(EmulatorOptions.of(TOKEN).withUnauthorizedAfterWrites(n))) {
                ScimHttp http = ScimHttp.bearer(emulator, TOKEN);
                List<Integer> statuses = new ArrayList<>();
                for (int i = 0; i < n + 2; i++) {
                    statuses.add(http.get("/Users").status());
                    statuses.add(http.post("/Users", "{\"userName\":\"u" + i + "\",\"emails\":[{\"value\":\"u" + i
                            + "@example.com\",\"primary\":true}]}").status());
                }

                List<Integer> expected = new ArrayList<>();
                for (int i = 0; i < n + 2; i++) {
                    expected.add(i < n ? 200 : 401);
                    expected.add(i < n ? 201 : 401);
                }
                assertThat(statuses).as("n = %d", n).isEqualTo(expected);
                assertThat(emulator.counts().writes()).as("a refused request has no effect").isEqualTo(n);
                emulator.changeToken("new-key");
                assertThat(ScimHttp.bearer(emulator, "new-key").get("/Users").status()).isEqualTo(200);
                assertThat(http.get("/Users").status()).isEqualTo(401);
            }
        }
    }
}
