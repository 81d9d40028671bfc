package dev.scimsync.emulator;

import static dev.scimsync.emulator.ScimHttp.patchOp;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Teams (SCIM Groups) in the {@code wandb} dialect: members, team roles, renames, and what is refused. */
class GroupMembershipTest extends EmulatorTestBase {

    private static final String TOKEN = "group-key";

    GroupMembershipTest() {
        super(TOKEN);
    }

    @Test
    void removingOneMemberByFilterKeepsTheOthers() {
        String ann = http.createUser("ann");
        String ben = http.createUser("ben");
        String teamId = http.createGroup("red", ann, ben);

        JsonNode group = http.patch("/Groups/" + teamId, patchOp("remove", "members[value eq \"" + ann + "\"]", null))
                .expect(200).body();

        assertThat(group.get("members").findValuesAsString("Value")).containsExactly(ben);
        assertThat(http.get("/Users/" + ann).body().get("teamRoles")).isEmpty();
        assertThat(http.get("/Users/" + ben).body().get("teamRoles")).hasSize(1);
    }

    @Test
    void removingTheBareMembersPathRemovesEveryoneEvenWithAValue() {
        String ann = http.createUser("ann");
        String ben = http.createUser("ben");
        String teamId = http.createGroup("blue", ann, ben);

        JsonNode group = http.patch("/Groups/" + teamId, patchOp("remove", "members", "[{\"value\":\"" + ann + "\"}]"))
                .expect(200).body();

        assertThat(group.get("members").isNull()).isTrue();
        assertThat(http.get("/Groups/" + teamId).body().get("members").isNull()).isTrue();
        assertThat(http.get("/Users/" + ben).body().get("groups")).isEmpty();
    }

    @Test
    void membersAreAddedByIdOrEmailOnceWithTeamRoleMember() {
        String ann = http.createUser("ann");
        http.createUser("ben");
        String teamId = http.createGroup("green");

        http.patch("/Groups/" + teamId, patchOp("add", "members",
                "[{\"value\":\"" + ann + "\"},{\"value\":\"BEN@example.com\"}]")).expect(200);
        JsonNode group = http.patch("/Groups/" + teamId, patchOp("add", "members", "[{\"value\":\"" + ann + "\"}]"))
                .expect(200).body();

        assertThat(group.get("members").findValuesAsString("Display")).containsExactly("ann", "ben");
        JsonNode user = http.get("/Users/" + ann).body();
        assertThat(user.get("teamRoles").get(0).get("teamName").asString()).isEqualTo("green");
        assertThat(user.get("teamRoles").get(0).get("roleName").asString()).isEqualTo("member");
    }

    @Test
    void unknownMembersAreRefusedAndNothingChanges() {
        String ann = http.createUser("ann");
        String teamId = http.createGroup("white");

        http.patch("/Groups/" + teamId, patchOp("add", "members",
                "[{\"value\":\"" + ann + "\"},{\"value\":\"ghost@example.com\"}]")).expect(400);
        http.post("/Groups", "{\"displayName\":\"black\",\"members\":[{\"value\":\"no-such-id\"}]}").expect(400);

        assertThat(http.get("/Groups/" + teamId).body().get("members").isNull()).isTrue();
    }

    @Test
    void replaceMembersKeepsTheTeamRolesOfThoseWhoStay() {
        String ann = http.createUser("ann");
        String ben = http.createUser("ben");
        String cid = http.createUser("cid");
        String teamId = http.createGroup("gold", ann, ben);
        http.patch("/Users/" + ann, ScimHttp.teamRole("gold", "admin"))
                .expect(200);

        JsonNode group = http.patch("/Groups/" + teamId, patchOp("replace", "members",
                "[{\"value\":\"" + cid + "\"},{\"value\":\"" + ann + "\"}]")).expect(200).body();

        assertThat(group.get("members").findValuesAsString("Value")).containsExactly(cid, ann);
        assertThat(http.get("/Users/" + ann).body().get("teamRoles").get(0).get("roleName").asString())
                .isEqualTo("admin");
        assertThat(http.get("/Users/" + ben).body().get("teamRoles")).isEmpty();
    }

    @Test
    void putReplacesNameAndMembers() {
        String ann = http.createUser("ann");
        String ben = http.createUser("ben");
        String teamId = http.createGroup("silver", ann);

        JsonNode group = http.put("/Groups/" + teamId, """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"platinum",
                 "members":[{"value":"%s"}]}""".formatted(ben)).expect(200).body();

        assertThat(group.get("displayName").asString()).isEqualTo("platinum");
        assertThat(group.get("members").findValuesAsString("Value")).containsExactly(ben);
        assertThat(http.get("/Users/" + ben).body().get("teamRoles").get(0).get("teamName").asString())
                .isEqualTo("platinum");
    }

    @Test
    void renameAndDuplicateNames() {
        String teamId = http.createGroup("one");
        http.createGroup("two");

        assertThat(http.patch("/Groups/" + teamId, patchOp("replace", "displayName", "\"uno\"")).expect(200)
                .text("displayName")).isEqualTo("uno");
        assertThat(http.patch("/Groups/" + teamId, patchOp("replace", "displayName", "\"TWO\"")).expect(409).body()
                .get("scimType").asString()).isEqualTo("uniqueness");
        http.post("/Groups", "{\"displayName\":\"Uno\"}").expect(409);
        http.post("/Groups", "{\"members\":[]}").expect(400);
    }

    @Test
    void membersSeeEveryChangeOfTheirTeamsInLists() {
        String ann = http.createUser("ann");
        http.get("/Users").expect(200);
        String teamId = http.createGroup("old", ann);
        assertThat(http.get("/Users").resources().get(0).get("teamRoles").get(0).get("teamName").asString())
                .isEqualTo("old");

        http.patch("/Groups/" + teamId, patchOp("replace", "displayName", "\"new\"")).expect(200);
        assertThat(http.get("/Users").resources().get(0).get("groups").get(0).get("display").asString())
                .isEqualTo("new");

        http.patch("/Users/" + ann, ScimHttp.teamRole("new", "viewer")).expect(200);
        http.patch("/Groups/" + teamId, patchOp("remove", "members", null)).expect(200);
        assertThat(http.get("/Users").resources().get(0).get("teamRoles")).isEmpty();
    }

    @Test
    void aTeamIsDeletedOnceAndThenUnknown() {
        String teamId = http.createGroup("gone");

        http.delete("/Groups/" + teamId).expect(204);

        http.get("/Groups/" + teamId).expect(404);
        http.delete("/Groups/" + teamId).expect(404);
        http.delete("/Groups/unknown").expect(404);
    }

    @Test
    void removingSomeoneNotInTheTeamIsANoOp() {
        String ann = http.createUser("ann");
        String teamId = http.createGroup("teal", ann);

        JsonNode group = http.patch("/Groups/" + teamId, patchOp("remove", "members[value eq \"nobody\"]", null))
                .expect(200).body();

        assertThat(group.get("members")).hasSize(1);
        assertThat(group.get("meta").get("version").asString()).isEqualTo("W/\"1\"");
        http.patch("/Groups/" + teamId, patchOp("remove", "members[display eq \"ann\"]", null)).expect(400);
    }
}
