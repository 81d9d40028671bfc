package dev.scimsync.scim;

import static dev.scimsync.scim.RecordingServer.json;
import static dev.scimsync.scim.RecordingServer.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What each dialect sends to deactivate and reactivate, and what it declares. */
class ScimDialectTest {

    private static final String PATCH_OP = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],";

    private RecordingServer server;

    @BeforeEach
    void start() throws Exception {
        server = new RecordingServer().otherwise(json(200, "{\"id\":\"u1\"}"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ScimClient client(String dialect) {
        return ScimClient.create(ScimTestClients.settings(server.baseUrl()).dialect(dialect).build());
    }

    @Test
    void wandbDeactivatesWithDeleteAndReactivatesWithPatchWithoutPath() {
        server.reply(status(204));
        try (ScimClient client = client("wandb")) {
            client.deactivateUser("u1");
            client.reactivateUser("u1");
        }

        assertThat(server.requests()).extracting(RecordingServer.Recorded::method).containsExactly("DELETE", "PATCH");
        assertThat(server.requests().get(0).path()).isEqualTo("/scim/Users/u1");
        assertThat(server.requests().get(1).body())
                .isEqualTo(PATCH_OP + "\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":true}}]}");
    }

    @Test
    void saasDeactivatesWithPatchAndRefusesToReactivateWithoutSendingAnything() {
        try (ScimClient client = client("wandb-saas")) {
            client.deactivateUser("u1");

            assertThatThrownBy(() -> client.reactivateUser("u1"))
                    .isInstanceOf(UnsupportedByDialectException.class)
                    .isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("wandb-saas").hasMessageContaining("invite");
        }

        assertThat(server.requests()).hasSize(1);
        assertThat(server.requests().get(0).body())
                .isEqualTo(PATCH_OP + "\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":false}}]}");
    }

    @Test
    void scim2PatchesThePathActive() {
        try (ScimClient client = client("scim2")) {
            client.deactivateUser("u1");
            client.reactivateUser("u1");

            assertThatThrownBy(client::roles).isInstanceOf(UnsupportedByDialectException.class)
                    .hasMessageContaining("scim2");
        }

        // (before its first write the scim2 client reads /ServiceProviderConfig, for ETag support)
        assertThat(server.requests()).filteredOn(r -> r.method().equals("PATCH"))
                .extracting(RecordingServer.Recorded::body).containsExactly(
                PATCH_OP + "\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}",
                PATCH_OP + "\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":true}]}");
    }

    @Test
    void declaresCapabilities() {
        assertThat(ScimDialect.of("wandb")).extracting(ScimDialect::canReactivate, ScimDialect::supportsRoles,
                ScimDialect::supportsProfileUpdates, ScimDialect::pageSize).containsExactly(true, true, true, 9999);
        assertThat(ScimDialect.of("wandb-saas")).extracting(ScimDialect::canReactivate, ScimDialect::supportsRoles,
                ScimDialect::supportsProfileUpdates, ScimDialect::pageSize).containsExactly(false, true, false, 9999);
        assertThat(ScimDialect.of("SCIM2")).extracting(ScimDialect::id, ScimDialect::canReactivate,
                ScimDialect::supportsRoles, ScimDialect::pageSize).containsExactly("scim2", true, false, 1000);
    }

    @Test
    void unknownDialectListsTheValidOnes() {
        assertThatThrownBy(() -> ScimDialect.of("okta"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown dialect 'okta'; valid: wandb, wandb-saas, scim2");
    }
}
