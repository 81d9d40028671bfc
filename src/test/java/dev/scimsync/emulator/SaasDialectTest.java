package dev.scimsync.emulator;

import static dev.scimsync.emulator.ScimHttp.patchOp;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The {@code wandb-saas} dialect: deactivation removes the user from the org, and some updates are refused. */
class SaasDialectTest extends EmulatorTestBase {

    private static final String TOKEN = "saas-key";

    SaasDialectTest() {
        super(TOKEN, options -> options.withDialect(EmulatorDialect.WANDB_SAAS));
    }

    @Test
    void patchActiveFalseRemovesTheUserFromTheOrgAndItsTeams() {
        String id = http.createUser("abe");
        String stays = http.createUser("bea");
        String teamId = http.createGroup("ml", id, stays);

        JsonNode answer = http.patch("/Users/" + id, patchOp("replace", null, "{\"active\":false}")).expect(200)
                .body();

        assertThat(answer.get("active").asBoolean()).isFalse();
        http.get("/Users/" + id).expect(404);
        assertThat(http.get("/Users").expect(200).resources().findValuesAsString("id")).containsExactly(stays);
        assertThat(http.get("/Groups/" + teamId).expect(200).body().get("members").findValuesAsString("Value"))
                .containsExactly(stays);
    }

    @Test
    void reactivationIsA400() {
        String id = http.createUser("cal");

        JsonNode error = http.patch("/Users/" + id, patchOp("replace", null, "{\"active\":true}")).expect(400).body();

        assertThat(error.get("status").asString()).isEqualTo("400");
        http.patch("/Users/" + id, patchOp("replace", "active", "true")).expect(400);
    }

    @Test
    void displayNameAndEmailsCannotBeChanged() {
        String id = http.createUser("dee");

        http.patch("/Users/" + id, patchOp("replace", "displayName", "\"Dee\"")).expect(400);
        http.patch("/Users/" + id, patchOp("replace", "emails", "[{\"value\":\"dee2@example.com\"}]")).expect(400);
        http.patch("/Users/" + id, patchOp("replace", null, "{\"displayName\":\"Dee\"}")).expect(400);
        assertThat(http.get("/Users/" + id).expect(200).text("displayName")).isEqualTo("dee");
    }

    @Test
    void organizationAndTeamRolesStillWork() {
        String id = http.createUser("eve");
        http.createGroup("core", id);

        JsonNode user = http.patch("/Users/" + id, """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
                  {"op":"replace","path":"organizationRole","value":"admin"},
                  {"op":"replace","path":"teamRoles","value":[{"teamName":"core","roleName":"admin"}]}]}""")
                .expect(200).body();

        assertThat(user.get("organizationRole").asString()).isEqualTo("admin");
        assertThat(user.get("teamRoles").get(0).get("roleName").asString()).isEqualTo("admin");
    }

    @Test
    void deleteRemovesTheUser() {
        String id = http.createUser("fin");

        http.delete("/Users/" + id).expect(204);

        http.get("/Users/" + id).expect(404);
        assertThat(http.get("/Users").body().get("totalResults").asInt()).isZero();
        http.createUser("fin");
    }

    @Test
    void responsesUseTheWandbShapes() {
        JsonNode user = http.get("/Users/" + http.createUser("gil")).expect(200).body();

        assertThat(user.get("emails").isObject()).isTrue();
        assertThat(user.get("meta").get("location").asString()).startsWith("Users/");
        http.get("/Roles").expect(200);
    }
}
