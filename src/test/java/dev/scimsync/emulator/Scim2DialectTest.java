package dev.scimsync.emulator;

import static dev.scimsync.emulator.ScimHttp.patchOp;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The {@code scim2} dialect: plain RFC 7643/7644 shapes and behaviour, no W&B additions. */
class Scim2DialectTest extends EmulatorTestBase {

    private static final String TOKEN = "scim2-key";

    Scim2DialectTest() {
        super(TOKEN, options -> options.withDialect(EmulatorDialect.SCIM2));
    }

    @Test
    void userHasAnEmailsArrayAbsoluteLocationAndNoRoleAttributes() {
        String id = http.createUser("hal");

        JsonNode user = http.get("/Users/" + id).expect(200).body();

        assertThat(user.get("emails").isArray()).isTrue();
        assertThat(user.get("emails").get(0).get("value").asString()).isEqualTo("hal@example.com");
        assertThat(user.get("emails").get(0).get("type").asString()).isEqualTo("work");
        assertThat(user.get("emails").get(0).get("primary").asBoolean()).isTrue();
        assertThat(user.get("meta").get("location").asString()).isEqualTo(emulator.baseUrl() + "/Users/" + id);
        assertThat(user.has("organizationRole")).isFalse();
        assertThat(user.has("teamRoles")).isFalse();
    }

    @Test
    void groupMembersAreLowerCaseAndAnEmptyListIsAnArray() {
        String id = http.createUser("ida");
        String teamId = http.createGroup("data", id);

        JsonNode group = http.get("/Groups/" + teamId).expect(200).body();
        assertThat(group.get("members").get(0).get("value").asString()).isEqualTo(id);
        assertThat(group.get("members").get(0).get("display").asString()).isEqualTo("ida");

        http.patch("/Groups/" + teamId, patchOp("remove", "members[value eq \"" + id + "\"]", null)).expect(200);
        JsonNode empty = http.get("/Groups/" + teamId).expect(200).body();
        assertThat(empty.get("members").isArray()).isTrue();
        assertThat(empty.get("members")).isEmpty();
    }

    @Test
    void aStrictServerRefusesEveryAttributeOutsideTheCoreSchemas() {
        String id = http.createUser("kim");
        for (String attribute : java.util.List.of("organizationRole", "teamRoles", "favouriteColour")) {
            String value = attribute.equals("teamRoles") ? "[{\"teamName\":\"x\",\"roleName\":\"admin\"}]"
                    : "\"admin\"";
            assertThat(http.post("/Users", """
                    {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s","%s":%s}""".formatted(
                    "u-" + attribute, attribute, value)).expect(400).body().get("scimType").asString())
                    .as("POST /Users with " + attribute).isEqualTo("invalidValue");
            assertThat(http.post("/Groups", """
                    {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"g-%s","%s":%s}"""
                    .formatted(attribute, attribute, value)).expect(400).body().get("scimType").asString())
                    .as("POST /Groups with " + attribute).isEqualTo("invalidValue");
            assertThat(http.patch("/Users/" + id, patchOp("replace", attribute, value)).expect(400).body()
                    .get("scimType").asString()).as("PATCH path " + attribute).isEqualTo("invalidPath");
        }
        assertThat(http.get("/Users").expect(200).resources()).as("nothing was created").hasSize(1);
        assertThat(http.get("/Groups").expect(200).resources()).isEmpty();
    }

    @Test
    void activeCanBeSwitchedBothWays() {
        String id = http.createUser("jon");

        assertThat(http.patch("/Users/" + id, patchOp("replace", "active", "false")).expect(200).body()
                .get("active").asBoolean()).isFalse();
        assertThat(http.get("/Users").expect(200).resources()).hasSize(1);
        assertThat(http.patch("/Users/" + id, patchOp("replace", null, "{\"active\":true}")).expect(200).body()
                .get("active").asBoolean()).isTrue();
    }

    @Test
    void deleteRemovesUsersAndGroups() {
        String id = http.createUser("kai");
        String teamId = http.createGroup("ops", id);

        http.delete("/Users/" + id).expect(204);
        http.get("/Users/" + id).expect(404);
        http.delete("/Groups/" + teamId).expect(204);
        http.get("/Groups/" + teamId).expect(404);
    }

    @Test
    void rolesDoNotExist() {
        JsonNode error = http.get("/Roles").expect(404).body();

        assertThat(error.get("schemas").get(0).asString()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        http.post("/Roles", "{\"name\":\"x\",\"inheritedFrom\":\"viewer\"}").expect(404);
        http.get("/Roles/some-id").expect(404);
        http.patch("/Users/" + http.createUser("lou"), patchOp("replace", "organizationRole", "\"admin\""))
                .expect(400);
    }

    @Test
    void emailIsOptionalAndUserNameCanChange() {
        String id = http.post("/Users", "{\"userName\":\"mo\"}").expect(201).text("id");

        JsonNode user = http.patch("/Users/" + id, patchOp("replace", "userName", "\"moe\"")).expect(200).body();

        assertThat(user.get("userName").asString()).isEqualTo("moe");
        assertThat(user.get("emails")).isEmpty();
    }

    @Test
    void removeMembersWithAValueRemovesOnlyThose() {
        String first = http.createUser("ned");
        String second = http.createUser("oda");
        String teamId = http.createGroup("web", first, second);

        JsonNode group = http.patch("/Groups/" + teamId,
                patchOp("remove", "members", "[{\"value\":\"" + first + "\"}]")).expect(200).body();

        assertThat(group.get("members").findValuesAsString("value")).containsExactly(second);
    }
}
