package dev.scimsync.emulator;

import static dev.scimsync.emulator.ScimHttp.patchOp;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** PATCH /Users: org role, team roles, atomic multi-operation requests and bad paths. */
class UserPatchTest extends EmulatorTestBase {

    private static final String TOKEN = "patch-key";

    UserPatchTest() {
        super(TOKEN);
    }

    @Test
    void organizationRoleIsSetIgnoringCase() {
        String id = http.createUser("quinn");

        JsonNode user = http.patch("/Users/" + id, patchOp("replace", "organizationRole", "\"ADMIN\"")).expect(200)
                .body();

        assertThat(user.get("organizationRole").asString()).isEqualTo("admin");
        http.patch("/Users/" + id, patchOp("replace", "organizationRole", "\"owner\"")).expect(400);
    }

    @Test
    void viewerOrganizationRoleDowngradesEveryTeamRole() {
        String id = http.createUser("rae");
        http.createGroup("alpha", id);
        http.createGroup("beta", id);
        http.patch("/Users/" + id, ScimHttp.teamRole("alpha", "admin"))
                .expect(200);

        JsonNode user = http.patch("/Users/" + id, patchOp("replace", "organizationRole", "\"viewer\"")).expect(200)
                .body();

        assertThat(user.get("organizationRole").asString()).isEqualTo("viewer");
        assertThat(user.get("teamRoles").findValuesAsString("roleName")).containsExactly("viewer", "viewer");
    }

    @Test
    void teamRoleIsABuiltinInAnyCaseOrACustomRoleInExactCase() {
        String id = http.createUser("sam");
        http.createGroup("gamma", id);
        http.post("/Roles", """
                {"name":"Reviewer","inheritedFrom":"viewer","permissions":[{"name":"run:stop"}]}""").expect(201);

        JsonNode builtin = http.patch("/Users/" + id,
                ScimHttp.teamRole("GAMMA", "Admin")).expect(200).body();
        assertThat(builtin.get("teamRoles").get(0).get("roleName").asString()).isEqualTo("admin");

        JsonNode custom = http.patch("/Users/" + id,
                ScimHttp.teamRole("gamma", "Reviewer")).expect(200)
                .body();
        assertThat(custom.get("teamRoles").get(0).get("roleName").asString()).isEqualTo("Reviewer");

        http.patch("/Users/" + id, ScimHttp.teamRole("gamma", "reviewer"))
                .expect(400);
    }

    @Test
    void teamRoleNeedsAnExistingTeamTheUserBelongsTo() {
        String id = http.createUser("tia");
        http.createGroup("delta");

        http.patch("/Users/" + id, ScimHttp.teamRole("delta", "admin"))
                .expect(400);
        http.patch("/Users/" + id, ScimHttp.teamRole("nope", "admin"))
                .expect(400);
    }

    @Test
    void operationsOfOneRequestApplyAllOrNothing() {
        String id = http.createUser("uma");
        String body = """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
                  {"op":"replace","path":"displayName","value":"Uma Changed"},
                  {"op":"replace","path":"organizationRole","value":"admin"},
                  {"op":"replace","path":"organizationRole","value":"superuser"}]}""";

        http.patch("/Users/" + id, body).expect(400);

        JsonNode user = http.get("/Users/" + id).expect(200).body();
        assertThat(user.get("displayName").asString()).isEqualTo("uma");
        assertThat(user.get("organizationRole").asString()).isEqualTo("member");
        assertThat(user.get("meta").get("version").asString()).isEqualTo("W/\"1\"");
    }

    @Test
    void severalValidOperationsAllApply() {
        String id = http.createUser("vic");
        String body = """
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[
                  {"op":"Replace","value":{"displayName":"Vic V","active":false}},
                  {"op":"REPLACE","path":"organizationRole","value":"admin"}]}""";

        JsonNode user = http.patch("/Users/" + id, body).expect(200).body();

        assertThat(user.get("displayName").asString()).isEqualTo("Vic V");
        assertThat(user.get("active").asBoolean()).isFalse();
        assertThat(user.get("organizationRole").asString()).isEqualTo("admin");
    }

    @Test
    void unknownPathsAndMalformedPatchesAre400() {
        String id = http.createUser("wes");

        assertThat(http.patch("/Users/" + id, patchOp("replace", "nickName", "\"w\"")).expect(400).body()
                .get("scimType").asString()).isEqualTo("invalidPath");
        http.patch("/Users/" + id, patchOp("replace", "userName", "\"wes2\"")).expect(400);
        http.patch("/Users/" + id, patchOp("remove", "displayName", null)).expect(400);
        http.patch("/Users/" + id, patchOp("move", "displayName", "\"x\"")).expect(400);
        http.patch("/Users/" + id, "{\"Operations\":[]}").expect(400);
        http.patch("/Users/" + id, patchOp("replace", "active", "\"maybe\"")).expect(400);
    }

    @Test
    void changingAnEmailToAnotherUsersEmailIsA409() {
        http.createUser("xan");
        String id = http.createUser("yul");

        http.patch("/Users/" + id, patchOp("replace", "emails", "[{\"value\":\"XAN@example.com\"}]")).expect(409);
    }
}
