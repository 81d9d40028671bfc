package dev.scimsync.snapshot;

import dev.scimsync.emulator.EmulatorOptions;
import dev.scimsync.emulator.WandbEmulator;
import dev.scimsync.scim.ApiKey;
import dev.scimsync.scim.PatchRequest;
import dev.scimsync.scim.ScimClient;
import dev.scimsync.scim.ScimClientSettings;
import dev.scimsync.scim.ScimGroup;
import dev.scimsync.scim.ScimUser;
import dev.scimsync.scim.TeamRole;
import dev.scimsync.state.RemoteSets;
import dev.scimsync.state.RemoteUsers;
import dev.scimsync.state.StateDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The user snapshot over real HTTP: what it keeps of the target's users and their team roles. */
class UserSnapshotTest {

    private static final String TOKEN = "snapshot-test-key";

    private final StateDatabase db = new StateDatabase();
    private final WandbEmulator emulator = WandbEmulator.start(EmulatorOptions.of(TOKEN));
    private final ScimClient client = ScimClient.create(ScimClientSettings.builder(emulator.baseUrl(),
            ApiKey.of(TOKEN)).dialect("wandb").build());
    private final RemoteSets remoteSets = new RemoteSets(db.jdbc, db.schema);
    private final UserSnapshot snapshot = new UserSnapshot(db.remoteUsers(), remoteSets);

    @AfterEach
    void stop() {
        client.close();
        emulator.close();
    }

    @Test
    void keepsEveryUserAndOnlyTheTeamRolesOtherThanMember() {
        ScimUser admin = create("ann");
        ScimUser member = create("max");
        ScimUser viewer = create("vic");
        client.groups().create(ScimGroup.newGroup("vision", List.of(admin.id(), member.id(), viewer.id())));
        client.users().patch(admin.id(), PatchRequest.replace("teamRoles", List.of(new TeamRole("vision", "admin"))));
        client.users().patch(member.id(), PatchRequest.replace("teamRoles",
                List.of(new TeamRole("vision", "member"))));
        client.users().patch(viewer.id(), PatchRequest.replace("teamRoles",
                List.of(new TeamRole("vision", "viewer"))));
        assertThat(client.users().get(member.id()).teamRoles()).containsExactly(new TeamRole("vision", "member"));

        long listed = snapshot.take(client, "r1", RemoteUsers.SNAPSHOT);

        assertThat(listed).isEqualTo(3);
        assertThat(db.jdbc.queryForList("SELECT email_key FROM remote_user WHERE run_id = 'r1' ORDER BY 1",
                String.class)).containsExactly("ann@example.com", "max@example.com", "vic@example.com");
        assertThat(db.jdbc.queryForList("SELECT CONCAT(user_id, '=', role) FROM remote_team_role"
                + " WHERE run_id = 'r1' AND team_key = 'vision' ORDER BY role", String.class))
                .containsExactly(admin.id() + "=admin", viewer.id() + "=viewer");
    }

    @Test
    void takingItAgainReplacesThePass() {
        create("ann");
        snapshot.take(client, "r1", RemoteUsers.SNAPSHOT);
        create("bob");

        assertThat(snapshot.take(client, "r1", RemoteUsers.SNAPSHOT)).isEqualTo(2);
        assertThat(db.jdbc.queryForObject("SELECT COUNT(*) FROM remote_user WHERE run_id = 'r1'", Long.class))
                .isEqualTo(2);
    }

    private ScimUser create(String userName) {
        return client.users().create(ScimUser.newUser(userName, "Name of " + userName, userName + "@example.com"));
    }
}
