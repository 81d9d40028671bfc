package dev.scimsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Counters and recorded requests, for tests that assert what a client sent. */
class RequestRecordingTest extends EmulatorTestBase {

    private static final String TOKEN = "record-key";

    RequestRecordingTest() {
        super(TOKEN);
    }

    @Test
    void readsWritesAndMethodsAreCountedWhateverTheOutcome() {
        String id = http.createUser("al");
        http.get("/Users/" + id).expect(200);
        http.get("/Users/missing").expect(404);
        http.patch("/Users/" + id, ScimHttp.patchOp("replace", "active", "false")).expect(200);
        http.delete("/Users/" + id).expect(204);

        RequestCounts counts = emulator.counts();

        assertThat(counts.total()).isEqualTo(5);
        assertThat(counts.reads()).isEqualTo(2);
        assertThat(counts.writes()).isEqualTo(3);
        assertThat(counts.byMethod()).containsEntry("GET", 2L).containsEntry("POST", 1L)
                .containsEntry("PATCH", 1L).containsEntry("DELETE", 1L);
    }

    @Test
    void requestsAreRecordedOldestFirstWithRawPathStatusAndBody() {
        http.createUser("bo");
        http.get("/Users?filter=userName%20eq%20%22bo%22").expect(200);

        assertThat(emulator.requests()).hasSize(2);
        RecordedRequest create = emulator.requests().get(0);
        assertThat(create.method()).isEqualTo("POST");
        assertThat(create.pathAndQuery()).isEqualTo("/scim/Users");
        assertThat(create.status()).isEqualTo(201);
        assertThat(create.body()).contains("\"userName\":\"bo\"");
        RecordedRequest search = emulator.requests().get(1);
        assertThat(search.pathAndQuery()).isEqualTo("/scim/Users?filter=userName%20eq%20%22bo%22");
        assertThat(search.body()).isEmpty();
    }

    @Test
    void resetClearsCountersAndRecordsButNotTheOrg() {
        http.createUser("cy");

        emulator.resetCounts();

        assertThat(emulator.counts()).isEqualTo(new RequestCounts(0, 0, 0, java.util.Map.of()));
        assertThat(emulator.requests()).isEmpty();
        assertThat(http.get("/Users").body().get("totalResults").asInt()).isEqualTo(1);
    }

    @Test
    void theLogKeepsOnlyTheMostRecentRequests() {
        RequestLog log = new RequestLog(3);
        IntStream.rangeClosed(1, 5).forEach(i -> log.record(new RecordedRequest("GET", "/scim/Users/" + i, 200, "")));

        assertThat(log.requests()).extracting(RecordedRequest::pathAndQuery)
                .containsExactly("/scim/Users/3", "/scim/Users/4", "/scim/Users/5");
        assertThat(log.counts().total()).isEqualTo(5);
    }
}
