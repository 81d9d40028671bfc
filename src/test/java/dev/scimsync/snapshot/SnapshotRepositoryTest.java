package dev.scimsync.snapshot;

import dev.scimsync.state.StateDatabase;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.scimsync.state.StateDatabase.remoteUser;
import static org.assertj.core.api.Assertions.assertThat;

class SnapshotRepositoryTest {

    private final StateDatabase db = new StateDatabase();

    @Test
    void aListingLargerThanOnePartReadsBackTheSameFromAnotherInstance() {
        RemoteOrg.Builder builder = RemoteOrg.builder();
        List<String> members = new ArrayList<>();
        // user names with characters outside the BMP, so that some part boundary may fall inside one
        for (int i = 0; i < 6_000; i++) {
            builder.user(RemoteOrg.User.of("id-" + i, "us\uD83D\uDE00er" + i, "User" + i + "@Example.com",
                    i % 2 == 0 ? null : "Name \"quoted\" \\ " + i, i % 3 == 0 ? "admin" : "member", i % 5 != 0,
                    i % 7 == 0 ? Map.of("vision", "viewer") : Map.of()));
            members.add("id-" + i);
        }
        builder.group("g1", "Vision", members).group("g2", "Empty", List.of());
        RemoteOrg saved = builder.build();

        db.remoteOrgs().save("r1", SnapshotRepository.SNAPSHOT, saved);

        assertThat(db.jdbc.queryForObject("SELECT COUNT(*) FROM remote_snapshot WHERE run_id = 'r1'", Long.class))
                .isGreaterThan(1);
        RemoteOrg read = db.remoteOrgs().load("r1", SnapshotRepository.SNAPSHOT);
        assertThat(read.users()).isEqualTo(saved.users());
        assertThat(read.groups()).isEqualTo(saved.groups());
        assertThat(read.membershipCount()).isEqualTo(6_000);
        assertThat(read.userByEmailKey("user7@example.com").teamRole("vision")).isEqualTo("viewer");
    }

    @Test
    void savingAgainReplacesThePassAndLeavesTheOtherPass() {
        SnapshotRepository orgs = db.remoteOrgs();
        orgs.save("r1", SnapshotRepository.SNAPSHOT, StateDatabase.org(remoteUser("u1", "a", "a@x.org", null, null, true)));
        orgs.save("r1", "verify", StateDatabase.org(remoteUser("u9", "z", "z@x.org", null, null, true)));
        orgs.save("r1", SnapshotRepository.SNAPSHOT, StateDatabase.org(remoteUser("u2", "b", "b@x.org", null, null, true)));

        SnapshotRepository fresh = db.remoteOrgs();
        assertThat(fresh.load("r1", SnapshotRepository.SNAPSHOT).users()).extracting(RemoteOrg.User::id).containsExactly("u2");
        assertThat(fresh.load("r1", "verify").users()).extracting(RemoteOrg.User::id).containsExactly("u9");
        assertThat(orgs.load("r1", SnapshotRepository.SNAPSHOT).users()).extracting(RemoteOrg.User::id).containsExactly("u2");
    }

    @Test
    void aRunWithoutAListingReadsAsAnEmptyOrganisation() {
        assertThat(db.remoteOrgs().exists("r2", SnapshotRepository.SNAPSHOT)).isFalse();
        assertThat(db.remoteOrgs().load("r2", SnapshotRepository.SNAPSHOT).users()).isEmpty();
    }
}
