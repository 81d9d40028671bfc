package dev.scimsync.emulator;

import static dev.scimsync.emulator.ScimHttp.patchOp;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Custom roles: create, permissions, PUT keeping permissions, and DELETE falling back to the inherited role. */
class RolesTest extends EmulatorTestBase {

    private static final String TOKEN = "role-key";

    RolesTest() {
        super(TOKEN);
    }

    private String createRole(String name, String inheritedFrom, String... permissions) {
        StringBuilder list = new StringBuilder();
        for (String permission : permissions) {
            list.append(list.isEmpty() ? "" : ",").append("{\"name\":\"").append(permission).append("\"}");
        }
        return http.post("/Roles", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Role"],"name":"%s","description":"d",
                 "permissions":[%s],"inheritedFrom":"%s"}""".formatted(name, list, inheritedFrom))
                .expect(201).text("id");
    }

    private static List<String> custom(JsonNode role) {
        return role.get("permissions").valueStream().filter(p -> !p.get("isInherited").asBoolean())
                .map(p -> p.get("name").asString()).toList();
    }

    private static List<String> names(JsonNode roles) {
        return roles.valueStream().map(role -> role.get("name").asString()).toList();
    }

    private static List<String> inherited(JsonNode role) {
        return role.get("permissions").valueStream().filter(p -> p.get("isInherited").asBoolean())
                .map(p -> p.get("name").asString()).toList();
    }

    @Test
    void theDocumentedExampleIsListedAsTheDocumentationShowsIt() {
        String id = createRole("Sample custom role", "member", "project:update");

        JsonNode role = http.get("/Roles/" + id).expect(200).body();

        assertThat(inherited(role)).containsExactly("artifact:read");
        assertThat(custom(role)).containsExactly("project:update");
    }

    /** Every permission the emulator lists as inherited, by either built-in role a custom role can inherit. */
    private List<String> everyInheritedPermission() {
        List<String> all = new ArrayList<>();
        for (String from : List.of("member", "viewer")) {
            String probe = createRole("probe-" + from, from);
            all.addAll(inherited(http.get("/Roles/" + probe).expect(200).body()));
            http.delete("/Roles/" + probe).expect(204);
        }
        return all;
    }

    @Test
    void customPermissionsAreKeptAsGivenEvenWhereTheInheritedRoleListsThem() {
        List<String> overlapping = everyInheritedPermission();
        assertThat(overlapping).as("the probe needs an inherited permission to overlap with").isNotEmpty();
        for (String from : List.of("member", "viewer")) {
            String id = createRole("overlap-" + from, from, overlapping.get(0), "project:update");

            JsonNode role = http.get("/Roles/" + id).expect(200).body();

            assertThat(custom(role)).as(from).containsExactly(overlapping.get(0), "project:update");
        }
    }

    @Test
    void switchingTheInheritedRoleAndBackKeepsEveryCustomPermission() {
        String id = createRole("switcher", "member", "project:update", "artifact:read", "run:stop");
        for (String from : List.of("viewer", "member", "viewer", "member")) {
            JsonNode role = http.put("/Roles/" + id, """
                    {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Role"],"name":"switcher","description":"d",
                     "inheritedFrom":"%s"}""".formatted(from)).expect(200).body();

            assertThat(role.get("inheritedFrom").asString()).isEqualTo(from);
            assertThat(custom(role)).as("after a PUT to " + from)
                    .containsExactly("project:update", "artifact:read", "run:stop");
        }
    }

    @Test
    void invalidRolesAreRefused() {
        http.post("/Roles", "{\"name\":\"x\",\"inheritedFrom\":\"admin\"}").expect(400);
        http.post("/Roles", "{\"name\":\"x\"}").expect(400);
        http.post("/Roles", "{\"name\":\"x\",\"inheritedFrom\":\"viewer\",\"permissions\":[{\"name\":\"Run:Stop\"}]}")
                .expect(400);
        http.post("/Roles", "{\"name\":\"x\",\"inheritedFrom\":\"viewer\",\"permissions\":[{\"name\":\"runstop\"}]}")
                .expect(400);
        http.post("/Roles", "{\"inheritedFrom\":\"viewer\"}").expect(400);
        assertThat(http.get("/Roles").body().get("totalResults").asInt()).isZero();
    }

    @Test
    void duplicateNamesAreA409OnlyWithTheSameCase() {
        createRole("Auditor", "viewer");

        assertThat(http.post("/Roles", "{\"name\":\"Auditor\",\"inheritedFrom\":\"viewer\"}").expect(409).body()
                .get("scimType").asString()).isEqualTo("uniqueness");
        http.post("/Roles", "{\"name\":\"auditor\",\"inheritedFrom\":\"viewer\"}").expect(201);
    }

    @Test
    void permissionsAreAddedAndRemovedByPatch() {
        String id = createRole("runner", "viewer", "run:stop");

        http.patch("/Roles/" + id, patchOp("add", "permissions", "[{\"name\":\"run:delete\"},{\"name\":\"run:stop\"}]"))
                .expect(200);
        JsonNode role = http.patch("/Roles/" + id, patchOp("remove", "permissions", "[{\"name\":\"run:stop\"}]"))
                .expect(200).body();

        assertThat(custom(role)).containsExactly("run:delete");
        assertThat(role.get("meta").get("version").asString()).isEqualTo("W/\"3\"");
    }

    @Test
    void putChangesNameDescriptionAndInheritanceButKeepsCustomPermissions() {
        String id = createRole("tmp", "viewer", "run:stop");

        JsonNode role = http.put("/Roles/" + id, """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Role"],"name":"operator","description":"Ops",
                 "inheritedFrom":"member","permissions":[{"name":"project:delete"}]}""").expect(200).body();

        assertThat(role.get("name").asString()).isEqualTo("operator");
        assertThat(role.get("description").asString()).isEqualTo("Ops");
        assertThat(role.get("inheritedFrom").asString()).isEqualTo("member");
        assertThat(custom(role)).containsExactly("run:stop");
    }

    @Test
    void deletingARoleDropsItsHoldersBackToTheInheritedRole() {
        String roleId = createRole("triager", "viewer", "run:stop");
        String user = http.createUser("pia");
        http.createGroup("eval", user);
        http.patch("/Users/" + user, ScimHttp.teamRole("eval", "triager"))
                .expect(200);

        http.delete("/Roles/" + roleId).expect(204);

        http.get("/Roles/" + roleId).expect(404);
        assertThat(http.get("/Users/" + user).body().get("teamRoles").get(0).get("roleName").asString())
                .isEqualTo("viewer");
    }

    @Test
    void renamingARoleShowsInTheTeamRolesOfItsHolders() {
        String roleId = createRole("old-name", "member");
        String user = http.createUser("rex");
        http.createGroup("fx", user);
        http.patch("/Users/" + user, ScimHttp.teamRole("fx", "old-name"))
                .expect(200);

        http.patch("/Roles/" + roleId, patchOp("replace", "name", "\"new-name\"")).expect(200);

        assertThat(http.get("/Users/" + user).body().get("teamRoles").get(0).get("roleName").asString())
                .isEqualTo("new-name");
    }

    @Test
    void listShowsCustomRolesOnlyAndFiltersByName() {
        createRole("a-role", "viewer");
        createRole("b-role", "member");

        assertThat(names(http.get("/Roles").expect(200).resources())).containsExactly("a-role", "b-role");
        assertThat(names(http.get("/Roles?filter=name%20eq%20%22b-role%22").expect(200).resources()))
                .containsExactly("b-role");
        http.get("/Roles/unknown").expect(404);
        http.delete("/Roles/unknown").expect(404);
    }
}
