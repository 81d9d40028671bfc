package dev.scimsync.emulator;

import static dev.scimsync.emulator.ScimHttp.patchOp;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** ETag headers equal {@code meta.version}; a stale {@code If-Match} is a 412 and changes nothing. */
class EtagTest extends EmulatorTestBase {

    private static final String TOKEN = "etag-key";

    EtagTest() {
        super(TOKEN);
    }

    private ScimHttp.Reply send(String method, String path, String body, String ifMatch) {
        return http.send(method, path, body, Map.of("If-Match", ifMatch));
    }

    @Test
    void versionGrowsWithEveryChangeAndTheEtagFollowsIt() {
        String id = http.createUser("ada");

        ScimHttp.Reply changed = http.patch("/Users/" + id, patchOp("replace", "displayName", "\"Ada L\"")).expect(200);
        ScimHttp.Reply read = http.get("/Users/" + id).expect(200);

        assertThat(changed.header("ETag")).isEqualTo("W/\"2\"");
        assertThat(read.header("ETag")).isEqualTo(read.body().get("meta").get("version").asString())
                .isEqualTo("W/\"2\"");
    }

    @Test
    void joiningATeamChangesTheUsersVersion() {
        String id = http.createUser("bo");

        http.createGroup("team", id);

        assertThat(http.get("/Users/" + id).header("ETag")).isEqualTo("W/\"2\"");
    }

    @Test
    void staleIfMatchIsA412AndNothingChanges() {
        String id = http.createUser("cy");
        http.patch("/Users/" + id, patchOp("replace", "displayName", "\"Cy\"")).expect(200);

        assertThat(send("PATCH", "/Users/" + id, patchOp("replace", "displayName", "\"Stale\""), "W/\"1\"")
                .expect(412).body().get("status").asString()).isEqualTo("412");
        send("DELETE", "/Users/" + id, null, "W/\"1\"").expect(412);

        assertThat(http.get("/Users/" + id).body().get("displayName").asString()).isEqualTo("Cy");
        assertThat(http.get("/Users/" + id).body().get("active").asBoolean()).isTrue();
    }

    @Test
    void currentOrWildcardIfMatchPasses() {
        String id = http.createUser("di");

        send("PATCH", "/Users/" + id, patchOp("replace", "displayName", "\"Di\""), "W/\"1\"").expect(200);
        send("PATCH", "/Users/" + id, patchOp("replace", "displayName", "\"Di 2\""), "*").expect(200);
        send("DELETE", "/Users/" + id, null, "W/\"3\"").expect(204);
    }

    @Test
    void groupsAndRolesCheckIfMatchOnPatchAndPut() {
        String teamId = http.createGroup("team");
        String roleId = http.post("/Roles", "{\"name\":\"r\",\"inheritedFrom\":\"viewer\"}").expect(201).text("id");

        send("PUT", "/Groups/" + teamId, "{\"displayName\":\"t2\"}", "W/\"7\"").expect(412);
        send("PATCH", "/Groups/" + teamId, patchOp("replace", "displayName", "\"t3\""), "W/\"1\"").expect(200);
        send("PUT", "/Roles/" + roleId, "{\"name\":\"r2\",\"inheritedFrom\":\"viewer\"}", "W/\"2\"").expect(412);
        send("DELETE", "/Roles/" + roleId, null, "W/\"2\"").expect(412);
        send("DELETE", "/Roles/" + roleId, null, "W/\"1\"").expect(204);

        assertThat(http.get("/Groups/" + teamId).header("ETag")).isEqualTo("W/\"2\"");
    }
}
