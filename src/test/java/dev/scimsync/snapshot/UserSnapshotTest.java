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
import dev.scimsync.snapshot.RemoteOrg;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The user snapshot over real HTTP: what it keeps of the target's users and their team roles. */
class UserSnapshotTest {

    private static final String TOKEN = "snapshot-test-key";

    private final WandbEmulator emulator = WandbEmulator.start(EmulatorOptions.of(TOKEN));
    private final ScimClient client = ScimClient.create(ScimClientSettings.builder(emulator.baseUrl(),
            ApiKey.of(TOKEN)).dialect("wandb").build());
    private final UserSnapshot snapshot = new UserSnapshot();

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

        RemoteOrg.Builder org = RemoteOrg.builder();
        long listed = snapshot.take(client, org);

        assertThat(listed).isEqualTo(3);
        RemoteOrg listing = org.build();
        assertThat(listing.users()).extracting(RemoteOrg.User::emailKey)
                .containsExactly("ann@example.com", "max@example.com", "vic@example.com");
        assertThat(listing.userById(admin.id()).teamRoles()).isEqualTo(Map.of("vision", "admin"));
        assertThat(listing.userById(member.id()).teamRoles()).isEmpty();
        assertThat(listing.userById(member.id()).teamRole("vision")).isEqualTo("member");
        assertThat(listing.userById(viewer.id()).teamRoles()).isEqualTo(Map.of("vision", "viewer"));
    }

    private ScimUser create(String userName) {
        return client.users().create(ScimUser.newUser(userName, "Name of " + userName, userName + "@example.com"));
    }
}
