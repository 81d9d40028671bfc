package dev.scimsync.scim;

import static dev.scimsync.scim.RecordingServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Authorization header of each scheme, over real HTTP, and the key never showing anywhere. */
class ScimAuthTest {

    private static final String SECRET = "s3cr3t-key-0123456789";

    private RecordingServer server;

    @BeforeEach
    void start() throws Exception {
        server = new RecordingServer().otherwise(json(200, "{\"Resources\":[],\"totalResults\":0}"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String authorizationSentWith(AuthScheme scheme, String username) {
        try (ScimClient client = ScimClient.create(ScimClientSettings.builder(server.baseUrl(), ApiKey.of(SECRET))
                .auth(scheme, username).build())) {
            client.users().list(null, null, null);
            client.users().list(null, null, null);
        }
        assertThat(server.requests()).hasSize(2);
        assertThat(server.requests().get(1).headers().get("Authorization")).hasSize(1);
        return server.requests().get(0).header("Authorization");
    }

    @Test
    void bearer() {
        assertThat(authorizationSentWith(AuthScheme.BEARER, null)).isEqualTo("Bearer " + SECRET);
    }

    @Test
    void basicWithUsername() {
        assertThat(authorizationSentWith(AuthScheme.BASIC, "admin@example.com"))
                .isEqualTo("Basic " + base64("admin@example.com:" + SECRET));
    }

    @Test
    void basicForAServiceAccountHasAnEmptyUsername() {
        assertThat(authorizationSentWith(AuthScheme.BASIC_SERVICE_ACCOUNT, null))
                .isEqualTo("Basic " + base64(":" + SECRET));
    }

    @Test
    void parsesSchemeNames() {
        assertThat(AuthScheme.parse("bearer")).isEqualTo(AuthScheme.BEARER);
        assertThat(AuthScheme.parse(" Basic ")).isEqualTo(AuthScheme.BASIC);
        assertThat(AuthScheme.parse("basic-service-account")).isEqualTo(AuthScheme.BASIC_SERVICE_ACCOUNT);
        assertThatThrownBy(() -> AuthScheme.parse("token"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bearer, basic, basic-service-account");
    }

    @Test
    void missingVariableIsNamedButNoValueIsShown() {
        assertThatThrownBy(() -> ApiKey.fromEnvironment("WANDB_API_KEY", Map.of("OTHER", SECRET)))
                .isInstanceOf(MissingCredentialException.class)
                .hasMessageContaining("WANDB_API_KEY")
                .hasMessageNotContaining(SECRET);
        assertThatThrownBy(() -> ApiKey.fromEnvironment("WANDB_API_KEY", Map.of("WANDB_API_KEY", "  ")))
                .isInstanceOf(MissingCredentialException.class)
                .hasMessageContaining("WANDB_API_KEY is empty");
    }

    @Test
    void keyIsReadFromTheEnvironmentAndMaskedEverywhere() {
        ApiKey key = ApiKey.fromEnvironment("K", Map.of("K", SECRET + "\n"));
        ScimClientSettings settings = ScimClientSettings.builder(server.baseUrl(), key).build();

        assertThat(key).isEqualTo(ApiKey.of(SECRET));
        assertThat(key.toString()).isEqualTo("ApiKey[****]");
        assertThat(settings.toString()).contains("ApiKey[****]").doesNotContain(SECRET);
    }

    @Test
    void rejectedKeyDoesNotLeakIntoTheException() {
        server.reply(json(401, "{\"detail\":\"invalid token\",\"status\":\"401\"}"));
        try (ScimClient client = ScimClient.create(ScimClientSettings.builder(server.baseUrl(), ApiKey.of(SECRET))
                .build())) {

            Throwable e = catchThrowable(() -> client.users().get("u"));

            assertThat(e).isInstanceOf(ScimAuthException.class);
            assertThat(e.getMessage()).doesNotContain(SECRET).contains("invalid token");
        }
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
