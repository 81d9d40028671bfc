package dev.scimsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Many clients at once: every write lands exactly once and readers never see an error. */
class ConcurrencyTest extends EmulatorTestBase {

    private static final String TOKEN = "busy-key";

    ConcurrencyTest() {
        super(TOKEN);
    }

    @Test
    void eightThreadsCreatingFourHundredUsersEndWithExactlyFourHundred() throws Exception {
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        String teamId = http.createGroup("crowd");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 50; i++) {
                    String name = "t" + thread + "-u" + i;
                    ScimHttp.Reply created = http.post("/Users", """
                            {"userName":"%s","emails":[{"value":"%s@example.com"}]}""".formatted(name, name));
                    ScimHttp.Reply joined = created.status() != 201 ? created : http.patch("/Groups/" + teamId,
                            ScimHttp.patchOp("add", "members", "[{\"value\":\"" + created.text("id") + "\"}]"));
                    ScimHttp.Reply listed = http.get("/Users?count=50");
                    for (ScimHttp.Reply reply : List.of(created, joined, listed)) {
                        if (reply.status() >= 300) {
                            failures.add(name + ": " + reply.status() + " " + reply.body());
                        }
                    }
                }
            }));
        }
        for (Future<?> future : futures) {
            future.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(failures).isEmpty();
        assertThat(http.get("/Users").body().get("totalResults").asInt()).isEqualTo(400);
        assertThat(http.get("/Groups/" + teamId).body().get("members")).hasSize(400);
        assertThat(emulator.counts().writes()).isEqualTo(1 + 400 + 400);
    }

    @Test
    void racingCreatesOfTheSameUserGiveOneCreatedAndTheRestConflicts() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> futures = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            futures.add(pool.submit(() -> http.post("/Users",
                    "{\"userName\":\"same\",\"emails\":[{\"value\":\"same@example.com\"}]}").status()));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> future : futures) {
            statuses.add(future.get(30, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(statuses).containsOnlyOnce(201).filteredOn(status -> status != 201).containsOnly(409);
    }
}
