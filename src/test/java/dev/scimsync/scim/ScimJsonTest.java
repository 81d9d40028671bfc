package dev.scimsync.scim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Decodes the response shapes W&B documents for its SCIM API and checks the exact JSON of request bodies. */
class ScimJsonTest {

    private final JsonMapper mapper = ScimJson.newMapper();

    @Test
    void readsWandbUserWithOneCapitalisedEmailObject() {
        ScimUser user = mapper.readValue("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
                 "id":"dXNlcjo1","userName":"dev-user2","displayName":"Dev User 2",
                 "emails":{"Value":"dev-user2@test.com","Display":"","Type":"","Primary":true},
                 "active":true,"organizationRole":"member",
                 "teamRoles":[{"teamName":"my-team","roleName":"admin"}],
                 "groups":[{"value":"x"}],
                 "meta":{"resourceType":"User","created":"2023-10-01T00:00:00Z",
                         "lastModified":"2023-10-01T00:00:00Z","location":"Users/dXNlcjo1"}}
                """, ScimUser.class);

        assertThat(user.id()).isEqualTo("dXNlcjo1");
        assertThat(user.userName()).isEqualTo("dev-user2");
        assertThat(user.emails()).containsExactly(new ScimEmail("dev-user2@test.com", "", "", true));
        assertThat(user.primaryEmail()).contains("dev-user2@test.com");
        assertThat(user.active()).isTrue();
        assertThat(user.organizationRole()).isEqualTo("member");
        assertThat(user.teamRoles()).containsExactly(new TeamRole("my-team", "admin"));
        assertThat(user.meta().location()).isEqualTo("Users/dXNlcjo1");
    }

    @Test
    void readsScim2UserWithEmailArrayAndPicksThePrimary() {
        ScimUser user = mapper.readValue("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"2819c223","userName":"bjensen",
                 "name":{"givenName":"Barbara"},"active":false,
                 "emails":[{"value":"bjensen@home.example.com","type":"home"},
                           {"value":"bjensen@example.com","type":"work","primary":true}],
                 "meta":{"resourceType":"User","version":"W/\\"3694e05e9dff590\\""}}
                """, ScimUser.class);

        assertThat(user.emails()).hasSize(2);
        assertThat(user.primaryEmail()).contains("bjensen@example.com");
        assertThat(user.active()).isFalse();
        assertThat(user.activeOrDefault()).isFalse();
        assertThat(user.teamRoles()).isEmpty();
        assertThat(user.meta().version()).isEqualTo("W/\"3694e05e9dff590\"");
    }

    @Test
    void readsGroupMembersWithCapitalisedKeys() {
        ScimGroup group = mapper.readValue("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"id":"Z3JvdXA6MQ==",
                 "displayName":"wandb-devs",
                 "members":[{"Value":"dXNlcjox","Display":"dev-user1"},{"Value":"dXNlcjoy","Display":"dev-user2"}],
                 "meta":{"resourceType":"Group","location":"Groups/Z3JvdXA6MQ=="}}
                """, ScimGroup.class);

        assertThat(group.displayName()).isEqualTo("wandb-devs");
        assertThat(group.members()).containsExactly(new ScimMember("dXNlcjox", "dev-user1"),
                new ScimMember("dXNlcjoy", "dev-user2"));
        assertThat(group.memberIds()).containsExactly("dXNlcjox", "dXNlcjoy");
    }

    @Test
    void readsNullMembersAsEmptyList() {
        ScimGroup group = mapper.readValue("""
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"id":"g1","displayName":"t",
                 "members":null,"meta":{"resourceType":"Group"}}
                """, ScimGroup.class);

        assertThat(group.members()).isEmpty();
    }

    @Test
    void readsRoleWithEmptySchemaOrganizationIdAndInheritedFlags() {
        ScimRole role = mapper.readValue("""
                {"description":"A sample custom role for example","id":"Um9sZTo3",
                 "inheritedFrom":"member","meta":{"resourceType":"Role","created":"2023-11-20T23:10:14Z",
                 "lastModified":"2023-11-20T23:31:23Z","location":"Roles/Um9sZTo3"},
                 "name":"Sample custom role","organizationID":"T3JnYW5pemF0aW9uOjE0ODQ1OA==",
                 "permissions":[{"name":"artifact:read","isInherited":true},
                                {"name":"project:update","isInherited":false},
                                {"name":"run:stop","isInherited":false}],
                 "schemas":[""]}
                """, ScimRole.class);

        assertThat(role.schemas()).containsExactly("");
        assertThat(role.organizationId()).isEqualTo("T3JnYW5pemF0aW9uOjE0ODQ1OA==");
        assertThat(role.inheritedFrom()).isEqualTo("member");
        assertThat(role.permissions()).hasSize(3);
        assertThat(role.customPermissions()).extracting(ScimPermission::name)
                .containsExactly("project:update", "run:stop");
    }

    @Test
    void readsListResponseWhateverTheCaseOfResources() {
        String body = """
                {"Resources":[{"id":"u1","userName":"a"},{"id":"u2","userName":"b"}],
                 "itemsPerPage":9999,"schemas":["urn:ietf:params:scim:api:messages:2.0:ListResponse"],
                 "startIndex":1,"totalResults":2}
                """;
        ListResponse<ScimUser> page = mapper.readValue(body, new TypeReference<ListResponse<ScimUser>>() { });
        ListResponse<ScimUser> lower = mapper.readValue(body.replace("Resources", "resources"),
                new TypeReference<ListResponse<ScimUser>>() { });

        assertThat(page.totalResults()).isEqualTo(2);
        assertThat(page.itemsPerPage()).isEqualTo(9999);
        assertThat(page.resources()).extracting(ScimUser::userName).containsExactly("a", "b");
        assertThat(lower.resources()).extracting(ScimUser::id).containsExactly("u1", "u2");
    }

    @Test
    void readsErrorWithStringOrNumericStatus() {
        ScimError error = mapper.readValue("""
                {"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"detail":"User already exists",
                 "status":"409","scimType":"uniqueness"}
                """, ScimError.class);
        ScimError numeric = mapper.readValue("{\"detail\":\"nope\",\"status\":400}", ScimError.class);

        assertThat(error).isEqualTo(new ScimError(List.of(ScimSchemas.ERROR), "User already exists", "409",
                "uniqueness"));
        assertThat(numeric.status()).isEqualTo("400");
    }

    @Test
    void writesCreateUserWithoutNullsOrEmptyLists() {
        String json = mapper.writeValueAsString(ScimUser.newUser("u", "U Name", "u@x.com"));

        assertThat(json).isEqualTo("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"u\",\"displayName\":\"U Name\","
                + "\"emails\":[{\"value\":\"u@x.com\",\"primary\":true}]}");
    }

    @Test
    void writesCreateGroupAndRole() {
        assertThat(mapper.writeValueAsString(ScimGroup.newGroup("team", List.of("u1"))))
                .isEqualTo("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                        + "\"displayName\":\"team\",\"members\":[{\"value\":\"u1\"}]}");
        assertThat(mapper.writeValueAsString(ScimGroup.newGroup("empty", List.of())))
                .endsWith("\"displayName\":\"empty\",\"members\":[]}");
        assertThat(mapper.writeValueAsString(ScimRole.newRole("r", "d", "member", List.of("project:update"))))
                .isEqualTo("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Role\"],\"name\":\"r\","
                        + "\"description\":\"d\",\"permissions\":[{\"name\":\"project:update\"}],"
                        + "\"inheritedFrom\":\"member\"}");
    }

    @Test
    void writesPatchBodies() {
        assertThat(mapper.writeValueAsString(PatchRequest.removeMember("dXNlcjox")))
                .isEqualTo("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                        + "\"Operations\":[{\"op\":\"remove\",\"path\":\"members[value eq \\\"dXNlcjox\\\"]\"}]}");
        assertThat(mapper.writeValueAsString(PatchRequest.replaceActive(true)))
                .isEqualTo("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                        + "\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":true}}]}");
        assertThat(mapper.writeValueAsString(PatchRequest.replace("teamRoles",
                List.of(new TeamRole("t", "admin")))))
                .contains("{\"op\":\"replace\",\"path\":\"teamRoles\","
                        + "\"value\":[{\"teamName\":\"t\",\"roleName\":\"admin\"}]}");
        assertThat(mapper.writeValueAsString(PatchRequest.addMembers(List.of("u1", "u2"))))
                .contains("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"u1\"},{\"value\":\"u2\"}]}");
        assertThat(mapper.writeValueAsString(PatchRequest.removePermissions(List.of("run:stop"))))
                .contains("{\"op\":\"remove\",\"path\":\"permissions\",\"value\":[{\"name\":\"run:stop\"}]}");
        assertThat(mapper.writeValueAsString(PatchRequest.replace("active", false)))
                .contains("{\"op\":\"replace\",\"path\":\"active\",\"value\":false}");
    }

    @Test
    void quotesFilterValues() {
        assertThat(ScimFilter.eq("userName", "a\"b\\c")).isEqualTo("userName eq \"a\\\"b\\\\c\"");
        assertThat(mapper.writeValueAsString(PatchRequest.removeMember("x\"y")))
                .contains("members[value eq \\\"x\\\\\\\"y\\\"]");
    }

    @Test
    void readsIgnoringUnknownAttributesAndNullListElements() {
        ScimUser user = mapper.readValue("{\"id\":\"u\",\"emails\":[null],\"x-unknown\":{\"a\":1},"
                + "\"teamRoles\":null}", ScimUser.class);

        assertThat(user.emails()).isEmpty();
        assertThat(user.teamRoles()).isEmpty();
        assertThat(user.primaryEmail()).isEmpty();
    }
}
