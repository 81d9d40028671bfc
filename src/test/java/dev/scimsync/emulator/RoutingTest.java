package dev.scimsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Unknown paths, wrong methods, media types and malformed JSON, all answered with SCIM error bodies. */
class RoutingTest extends EmulatorTestBase {

    private static final String TOKEN = "route-key";

    RoutingTest() {
        super(TOKEN);
    }

    @Test
    void unknownPathsAre404() {
        for (String path : new String[] {"/Teams", "/Users/a/b", "", "/users"}) {
            JsonNode error = http.get(path).expect(404).body();
            assertThat(error.get("schemas").get(0).asString()).isEqualTo(ScimResponse.ERROR_SCHEMA);
        }
        assertThat(new ScimHttp(emulator.baseUrl().replace("/scim", "/api"), "Bearer " + TOKEN).get("/Users")
                .status()).isEqualTo(404);
    }

    @Test
    void wrongMethodsAre405WithAllow() {
        ScimHttp.Reply reply = http.send("DELETE", "/Users", null, Map.of()).expect(405);

        assertThat(reply.header("Allow")).isEqualTo("GET, POST");
        assertThat(reply.body().get("status").asString()).isEqualTo("405");
        http.put("/Users/" + http.createUser("x"), "{\"userName\":\"x\"}").expect(405);
        http.send("POST", "/Groups/some-id", "{}", Map.of()).expect(405);
    }

    @Test
    void bothJsonMediaTypesAreAcceptedWithACharset() {
        http.send("POST", "/Users", "{\"userName\":\"a\",\"emails\":[{\"value\":\"a@example.com\"}]}",
                Map.of("Content-Type", "application/json")).expect(201);
        ScimHttp.Reply reply = http.send("POST", "/Users",
                "{\"userName\":\"b\",\"emails\":[{\"value\":\"b@example.com\"}]}",
                Map.of("Content-Type", "application/scim+json; charset=UTF-8")).expect(201);

        assertThat(reply.header("Content-Type")).isEqualTo("application/scim+json");
        http.send("POST", "/Users", "userName=c", Map.of("Content-Type", "text/plain")).expect(415);
    }

    @Test
    void malformedJsonIsInvalidSyntax() {
        for (String body : new String[] {"{\"userName\":", "[1,2]", "", "\"text\""}) {
            JsonNode error = http.post("/Users", body).expect(400).body();
            assertThat(error.get("scimType").asString()).as(body).isEqualTo("invalidSyntax");
        }
        http.patch("/Users/" + http.createUser("p"), "{not json}").expect(400);
    }

    @Test
    void aTrailingSlashIsTolerated() {
        http.createUser("t");

        assertThat(http.get("/Users/").expect(200).body().get("totalResults").asInt()).isEqualTo(1);
    }
}
