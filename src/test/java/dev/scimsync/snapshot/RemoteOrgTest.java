package dev.scimsync.snapshot;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.scimsync.state.StateDatabase.remoteUser;
import static org.assertj.core.api.Assertions.assertThat;

class RemoteOrgTest {

    private final RemoteOrg org = RemoteOrg.builder()
            .user(remoteUser("u1", "Ann", "Ann@Example.com", "Ann A", "ADMIN", true))
            .user(remoteUser("u2", "bob", "bob@example.com", null, "member", false))
            .user(RemoteOrg.User.of("u3", "cy", null, null, null, true, Map.of("vision", "viewer")))
            .group("g1", "Vision", List.of("u1", "u3", "u1", "gone"))
            .group("g2", "audio", List.of("u2"))
            .build();

    @Test
    void usersAndTeamsAreFoundByLowerCaseKeys() {
        assertThat(org.userByEmailKey("ann@example.com").id()).isEqualTo("u1");
        assertThat(org.userByUserNameKey("ann").id()).isEqualTo("u1");
        assertThat(org.userByEmailKey("Ann@Example.com")).isNull();
        assertThat(org.userByEmailKey(null)).isNull();
        assertThat(org.userById("u3").orgRole()).isNull();
        assertThat(org.userById("u1").orgRole()).isEqualTo("admin");
        assertThat(org.groupByNameKey("vision").id()).isEqualTo("g1");
        assertThat(org.groupByNameKey("audio").id()).isEqualTo("g2");
    }

    @Test
    void aMembershipIsFoundOnlyForListedUsersAndCountsOnce() {
        RemoteOrg.Group vision = org.groupByNameKey("vision");
        RemoteOrg.Group audio = org.groupByNameKey("audio");

        assertThat(vision.memberIds()).containsExactly("u1", "u3", "gone");
        assertThat(org.membershipCount()).isEqualTo(3);
        int ann = org.membership(vision, org.userById("u1"));
        assertThat(ann).isNotNegative();
        assertThat(org.membershipGroup(ann)).isSameAs(vision);
        assertThat(org.membershipUser(ann).id()).isEqualTo("u1");
        assertThat(org.membership(audio, org.userById("u1"))).isEqualTo(-1);
        assertThat(org.membership(audio, org.userById("u2"))).isNotNegative();
        assertThat(org.membership(vision, null)).isEqualTo(-1);
    }

    @Test
    void aTeamRoleIsMemberUnlessAnotherIsSet() {
        assertThat(org.userById("u3").teamRole("vision")).isEqualTo("viewer");
        assertThat(org.userById("u1").teamRole("vision")).isEqualTo("member");
    }
}
