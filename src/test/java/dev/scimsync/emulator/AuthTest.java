package dev.scimsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** The three accepted forms of the API key, and 401 with a SCIM error for everything else. */
class AuthTest extends EmulatorTestBase {

    private static final String TOKEN = "s3cret-key";

    AuthTest() {
        super(TOKEN);
    }

    private int statusWith(String authorization) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Authorization", authorization);
        return http.send("GET", "/Users", null, headers).status();
    }

    @Test
    void bearerAndBothBasicFormsAreAccepted() {
        assertThat(statusWith("Bearer " + TOKEN)).isEqualTo(200);
        assertThat(statusWith(ScimHttp.basic("admin@example.com", TOKEN))).isEqualTo(200);
        assertThat(statusWith(ScimHttp.basic("", TOKEN))).isEqualTo(200);
        assertThat(statusWith("bearer " + TOKEN)).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer wrong", "Bearer", "Token s3cret-key", "Basic not*base64", "s3cret-key",
        "Bearer s3cret-key-and-more", "Basic czNjcmV0LWtleQ=="})
    void anythingElseIsA401(String authorization) {
        assertThat(statusWith(authorization)).isEqualTo(401);
    }

    @Test
    void wrongKeyInBasicAndMissingHeaderAre401WithAScimErrorBody() {
        assertThat(statusWith(ScimHttp.basic("admin", "other"))).isEqualTo(401);
        String colonless = "Basic " + Base64.getEncoder().encodeToString(TOKEN.getBytes(StandardCharsets.UTF_8));
        assertThat(statusWith(colonless)).isEqualTo(401);

        Map<String, String> none = new HashMap<>();
        none.put("Authorization", null);
        ScimHttp.Reply reply = http.send("POST", "/Users", "{\"userName\":\"x\"}", none).expect(401);
        JsonNode error = reply.body();
        assertThat(error.get("schemas").get(0).asString()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(error.get("status").asString()).isEqualTo("401");
        assertThat(error.toString()).doesNotContain(TOKEN);
        assertThat(http.get("/Users").body().get("totalResults").asInt()).isZero();
    }

    @Test
    void rejectedRequestsAreNotCounted() {
        statusWith("Bearer wrong");
        http.get("/Users").expect(200);

        assertThat(emulator.counts().total()).isEqualTo(1);
        assertThat(emulator.requests()).hasSize(1);
    }
}
