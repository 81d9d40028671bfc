package dev.scimsync.scim;

import dev.scimsync.emulator.EmulatorDialect;
import dev.scimsync.emulator.EmulatorOptions;
import dev.scimsync.emulator.WandbEmulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static dev.scimsync.scim.RecordingServer.json;
import static dev.scimsync.scim.RecordingServer.status;

/** The scim2 client reads /ServiceProviderConfig once: its maxResults caps the page size, etag turns If-Match on. */
class ServiceProviderConfigTest {

    /** RFC 7643 §8.5, trimmed. */
    private static final String RFC_EXAMPLE = """
            {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
             "documentationUri": "http://example.com/help/scim.html",
             "patch": {"supported": true},
             "bulk": {"supported": true, "maxOperations": 1000, "maxPayloadSize": 1048576},
             "filter": {"supported": true, "maxResults": 20},
             "changePassword": {"supported": true},
             "sort": {"supported": true},
             "etag": {"supported": true},
             "authenticationSchemes": [{"name": "OAuth Bearer Token", "type": "oauthbearertoken", "primary": true}],
             "meta": {"location": "https://example.com/v2/ServiceProviderConfig", "resourceType": "ServiceProviderConfig",
                      "created": "2010-01-23T04:56:22Z", "lastModified": "2011-05-13T04:42:34Z",
                      "version": "W\\/\\"3694e05e9dff594\\""}}
            """;

    private RecordingServer server;

    @BeforeEach
    void start() throws Exception {
        server = new RecordingServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aSmallerMaxResultsBecomesThePageSizeAndEtagsAreUsed() {
        server.reply(json(200, RFC_EXAMPLE)).otherwise(json(200, "{\"Resources\":[],\"totalResults\":0}"));

        try (ScimClient client = ScimClient.create(ScimTestClients.settings(server.baseUrl()).dialect("scim2").build())) {
            client.forEachUser(null, u -> { });
            client.forEachGroup(null, g -> { });

            assertThat(client.pageSize()).isEqualTo(20);
            assertThat(client.usesEtags()).isTrue();
            assertThat(client.serviceProviderConfig().orElseThrow().bulkSupported()).isTrue();
        }
        assertThat(server.requests()).extracting(RecordingServer.Recorded::path)
                .containsExactly("/scim/ServiceProviderConfig", "/scim/Users", "/scim/Groups");
        assertThat(server.requests().get(1).query("count")).isEqualTo("20");
    }

    @Test
    void withoutTheEndpointTheDialectsPageSizeStandsAndNoEtagIsSent() {
        server.reply(status(404)).otherwise(json(200, "{\"Resources\":[],\"totalResults\":0}"));

        try (ScimClient client = ScimClient.create(ScimTestClients.settings(server.baseUrl()).dialect("scim2").build())) {
            client.forEachUser(null, u -> { });

            assertThat(client.pageSize()).isEqualTo(1000);
            assertThat(client.usesEtags()).isFalse();
        }
    }

    @Test
    void anAuthenticationFailureIsNotMistakenForAMissingEndpoint() {
        server.otherwise(status(401));

        try (ScimClient client = ScimClient.create(ScimTestClients.settings(server.baseUrl()).dialect("scim2").build())) {
            assertThatThrownBy(client::serviceProviderConfig).isInstanceOf(ScimAuthException.class);
        }
    }

    @Test
    void theWandbDialectsNeverAskForIt() {
        server.otherwise(json(200, "{\"Resources\":[],\"totalResults\":0}"));

        try (ScimClient client = ScimClient.create(ScimTestClients.settings(server.baseUrl()).build())) {
            client.forEachUser(null, u -> { });
            assertThat(client.serviceProviderConfig()).isEmpty();
        }
        assertThat(server.requests()).extracting(RecordingServer.Recorded::path).containsExactly("/scim/Users");
    }

    @Test
    void theEmulatorsScim2ModeServesItAndItsWandbModeDoesNot() {
        try (WandbEmulator scim2 = WandbEmulator.start(EmulatorOptions.of("k").withDialect(EmulatorDialect.SCIM2));
             ScimClient client = ScimClient.create(ScimClientSettings.builder(scim2.baseUrl(), ApiKey.of("k"))
                     .dialect("scim2").build())) {
            ServiceProviderConfig config = client.serviceProviderConfig().orElseThrow();
            assertThat(config.etagSupported()).isTrue();
            assertThat(config.bulkSupported()).isFalse();
            assertThat(config.maxResults()).isEqualTo(9999);
            assertThat(client.pageSize()).isEqualTo(1000);
        }
        try (WandbEmulator wandb = WandbEmulator.start(EmulatorOptions.of("k"));
             ScimClient client = ScimClient.create(ScimClientSettings.builder(wandb.baseUrl(), ApiKey.of("k"))
                     .dialect("scim2").build())) {
            assertThat(client.serviceProviderConfig()).isEmpty();
        }
    }

    private static String user(String version) {
        return "{\"id\":\"u1\",\"userName\":\"ann\",\"active\":true,\"meta\":{\"resourceType\":\"User\","
                + "\"version\":\"W/\\\"" + version + "\\\"\"}}";
    }

    @Test
    void writesCarryTheLastVersionSeenAndA412IsReadAgainAndSentOnceMore() {
        server.reply(json(200, RFC_EXAMPLE), json(200, "{\"Resources\":[" + user("1") + "],\"totalResults\":1}"),
                json(412, "{\"status\":\"412\",\"detail\":\"stale\"}"), json(200, user("2")),
                json(200, user("3")), status(204));

        try (ScimClient client = ScimClient.create(ScimTestClients.settings(server.baseUrl()).dialect("scim2").build())) {
            client.forEachUser(null, u -> { });
            client.users().patch("u1", PatchRequest.replace("displayName", "Ann"));
            client.deactivateUser("u1");
        }

        assertThat(server.requests()).extracting(r -> r.method() + " " + r.path() + " " + r.header("If-Match"))
                .containsExactly("GET /scim/ServiceProviderConfig null", "GET /scim/Users null",
                        "PATCH /scim/Users/u1 W/\"1\"", "GET /scim/Users/u1 null", "PATCH /scim/Users/u1 W/\"2\"",
                        "PATCH /scim/Users/u1 W/\"3\"");
    }

    @Test
    void withoutEtagSupportNoIfMatchIsSent() {
        server.reply(status(404), json(200, "{\"Resources\":[" + user("1") + "],\"totalResults\":1}"))
                .otherwise(json(200, user("2")));

        try (ScimClient client = ScimClient.create(ScimTestClients.settings(server.baseUrl()).dialect("scim2").build())) {
            client.forEachUser(null, u -> { });
            client.deactivateUser("u1");
        }

        assertThat(server.requests().get(2).method()).isEqualTo("PATCH");
        assertThat(server.requests().get(2).header("If-Match")).isNull();
    }
}
