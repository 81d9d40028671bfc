package dev.scimsync.emulator;

import static dev.scimsync.emulator.ScimHttp.patchOp;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Users in the default {@code wandb} dialect: create, uniqueness, deactivate by DELETE, reactivate by PATCH. */
class UserLifecycleTest extends EmulatorTestBase {

    private static final String TOKEN = "lifecycle-key";

    UserLifecycleTest() {
        super(TOKEN);
    }

    @Test
    void deleteDeactivatesAndTheUserStaysListedWithItsTeams() {
        String id = http.createUser("hana");
        http.createGroup("infra", id);

        assertThat(http.delete("/Users/" + id).status()).isEqualTo(204);

        JsonNode user = http.get("/Users/" + id).expect(200).body();
        assertThat(user.get("active").asBoolean()).isFalse();
        assertThat(user.get("teamRoles").get(0).get("teamName").asString()).isEqualTo("infra");
        JsonNode listed = http.get("/Users").expect(200).resources();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("active").asBoolean()).isFalse();
    }

    @Test
    void deactivatedUserIsReenabledByReplaceWithoutPath() {
        String id = http.createUser("ivan");
        http.delete("/Users/" + id).expect(204);

        JsonNode user = http.patch("/Users/" + id, patchOp("replace", null, "{\"active\":true}")).expect(200).body();

        assertThat(user.get("active").asBoolean()).isTrue();
    }

    @Test
    void activePathAcceptsTrueAndFalse() {
        String id = http.createUser("jo");

        assertThat(http.patch("/Users/" + id, patchOp("replace", "active", "false")).expect(200).body()
                .get("active").asBoolean()).isFalse();
        assertThat(http.get("/Users").expect(200).resources()).hasSize(1);
        assertThat(http.patch("/Users/" + id, patchOp("Replace", "active", "true")).expect(200).body()
                .get("active").asBoolean()).isTrue();
    }

    @Test
    void emailsAreAcceptedAsASingleObjectWithAnyKeyCase() {
        JsonNode user = http.post("/Users", """
                {"userName":"kim","emails":{"Value":"kim@example.com","Primary":true}}""").expect(201).body();

        assertThat(user.get("emails").get("Value").asString()).isEqualTo("kim@example.com");
    }

    @Test
    void duplicateUserNameOrEmailIgnoringCaseIsA409() {
        http.createUser("lee");

        JsonNode sameName = http.post("/Users", """
                {"userName":"LEE","emails":[{"value":"other@example.com"}]}""").expect(409).body();
        JsonNode sameEmail = http.post("/Users", """
                {"userName":"lee2","emails":[{"value":"Lee@Example.COM"}]}""").expect(409).body();

        assertThat(sameName.get("scimType").asString()).isEqualTo("uniqueness");
        assertThat(sameName.get("status").asString()).isEqualTo("409");
        assertThat(sameEmail.get("scimType").asString()).isEqualTo("uniqueness");
        assertThat(http.get("/Users").body().get("totalResults").asInt()).isEqualTo(1);
    }

    @Test
    void deactivatedUsersStillHoldTheirUserNameAndEmail() {
        String id = http.createUser("max");
        http.delete("/Users/" + id).expect(204);

        http.post("/Users", "{\"userName\":\"max\",\"emails\":[{\"value\":\"new@example.com\"}]}").expect(409);
    }

    @Test
    void userNameAndEmailAreRequired() {
        assertThat(http.post("/Users", "{\"emails\":[{\"value\":\"a@example.com\"}]}").expect(400).body()
                .get("scimType").asString()).isEqualTo("invalidValue");
        http.post("/Users", "{\"userName\":\"noemail\"}").expect(400);
        http.post("/Users", "{\"userName\":\"bad\",\"emails\":[{\"value\":\"not-an-address\"}]}").expect(400);
    }

    @Test
    void unknownUsersAre404ForEveryMethod() {
        http.get("/Users/unknown").expect(404);
        http.patch("/Users/unknown", patchOp("replace", "active", "false")).expect(404);
        http.delete("/Users/unknown").expect(404);
    }

    @Test
    void idsAreDistinctUuidLikeStrings() {
        String first = http.createUser("nia");
        String second = http.createUser("oli");

        assertThat(first).matches("[0-9a-f-]{36}").isNotEqualTo(second);
    }

    @Test
    void displayNameAndEmailCanBeReplaced() {
        String id = http.createUser("pat");

        http.patch("/Users/" + id, patchOp("replace", "displayName", "\"Pat Doe\"")).expect(200);
        JsonNode user = http.patch("/Users/" + id,
                patchOp("replace", "emails", "[{\"value\":\"pat.doe@example.com\",\"primary\":true}]"))
                .expect(200).body();

        assertThat(user.get("displayName").asString()).isEqualTo("Pat Doe");
        assertThat(user.get("emails").get("Value").asString()).isEqualTo("pat.doe@example.com");
        http.post("/Users", "{\"userName\":\"pat2\",\"emails\":[{\"value\":\"pat@example.com\"}]}").expect(201);
    }
}
