package dev.scimsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The documented W&B response shapes, quirks included, as a client sees them on the wire. */
class WandbShapesTest extends EmulatorTestBase {

    private static final String TOKEN = "shape-key";

    WandbShapesTest() {
        super(TOKEN);
    }

    @Test
    void userHasOneEmailObjectWithCapitalisedKeysAndRelativeLocation() {
        ScimHttp.Reply created = http.post("/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"dana","displayName":"Dana Li",
                 "emails":[{"primary":true,"value":"Dana@Example.com"}]}""").expect(201);
        JsonNode user = created.body();

        assertThat(user.get("schemas").get(0).asString()).isEqualTo("urn:ietf:params:scim:schemas:core:2.0:User");
        assertThat(user.get("userName").asString()).isEqualTo("dana");
        assertThat(user.get("displayName").asString()).isEqualTo("Dana Li");
        assertThat(user.get("emails").isObject()).isTrue();
        assertThat(user.get("emails").get("Value").asString()).isEqualTo("Dana@Example.com");
        assertThat(user.get("emails").get("Display").asString()).isEmpty();
        assertThat(user.get("emails").get("Type").asString()).isEqualTo("work");
        assertThat(user.get("emails").get("Primary").asBoolean()).isTrue();
        assertThat(user.get("active").asBoolean()).isTrue();
        assertThat(user.get("organizationRole").asString()).isEqualTo("member");
        assertThat(user.get("teamRoles").isArray()).isTrue();
        assertThat(user.get("groups").isArray()).isTrue();
        String id = user.get("id").asString();
        assertThat(user.get("meta").get("location").asString()).isEqualTo("Users/" + id);
        assertThat(user.get("meta").get("resourceType").asString()).isEqualTo("User");
        assertThat(user.get("meta").get("version").asString()).isEqualTo("W/\"1\"");
        assertThat(created.header("ETag")).isEqualTo("W/\"1\"");
        assertThat(created.header("Content-Type")).isEqualTo("application/scim+json");
    }

    @Test
    void userListsItsTeamsAndTeamRoles() {
        String id = http.createUser("erin");
        String teamId = http.createGroup("vision", id);

        JsonNode user = http.get("/Users/" + id).expect(200).body();

        assertThat(user.get("teamRoles").get(0).get("teamName").asString()).isEqualTo("vision");
        assertThat(user.get("teamRoles").get(0).get("roleName").asString()).isEqualTo("member");
        assertThat(user.get("groups").get(0).get("value").asString()).isEqualTo(teamId);
        assertThat(user.get("groups").get(0).get("display").asString()).isEqualTo("vision");
    }

    @Test
    void groupMembersHaveCapitalisedKeysAndAreNullWhenEmpty() {
        String id = http.createUser("fay");
        JsonNode group = http.get("/Groups/" + http.createGroup("nlp", id)).expect(200).body();

        assertThat(group.get("members").get(0).get("Value").asString()).isEqualTo(id);
        assertThat(group.get("members").get(0).get("Display").asString()).isEqualTo("fay");
        assertThat(group.get("meta").get("location").asString()).isEqualTo("Groups/" + group.get("id").asString());

        JsonNode empty = http.post("/Groups", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"empty"}""")
                .expect(201).body();
        assertThat(empty.has("members")).isTrue();
        assertThat(empty.get("members").isNull()).isTrue();
    }

    @Test
    void roleHasEmptySchemaOrganizationIdAndInheritedPermissionsFirst() {
        JsonNode role = http.post("/Roles", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Role"],"name":"ops","description":"Ops",
                 "permissions":[{"name":"run:stop"}],"inheritedFrom":"viewer"}""").expect(201).body();

        assertThat(role.get("schemas").size()).isEqualTo(1);
        assertThat(role.get("schemas").get(0).asString()).isEmpty();
        assertThat(role.get("organizationID").asString()).isNotBlank();
        assertThat(role.get("inheritedFrom").asString()).isEqualTo("viewer");
        assertThat(role.get("permissions").toString()).isEqualTo("""
                [{"name":"artifact:read","isInherited":true},{"name":"run:stop","isInherited":false}]""");
    }

    @Test
    void listResponseHasTheStandardEnvelope() {
        http.createUser("gus");

        JsonNode list = http.get("/Users").expect(200).body();

        assertThat(list.get("schemas").get(0).asString())
                .isEqualTo("urn:ietf:params:scim:api:messages:2.0:ListResponse");
        assertThat(list.get("totalResults").asInt()).isEqualTo(1);
        assertThat(list.get("startIndex").asInt()).isEqualTo(1);
        assertThat(list.get("itemsPerPage").asInt()).isEqualTo(1);
        assertThat(list.get("Resources").get(0).get("userName").asString()).isEqualTo("gus");
    }

    @Test
    void errorsCarryTheErrorSchemaAndAStringStatus() {
        JsonNode error = http.get("/Users/nope").expect(404).body();

        assertThat(error.get("schemas").get(0).asString()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
        assertThat(error.get("status").isString()).isTrue();
        assertThat(error.get("status").asString()).isEqualTo("404");
        assertThat(error.get("detail").asString()).contains("nope");
    }
}
