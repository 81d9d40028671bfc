package dev.scimsync.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** /Groups (W&B teams) against the emulator over real HTTP, in each dialect. */
class GroupsContractTest {

    @ParameterizedTest
    @ValueSource(strings = {"wandb", "wandb-saas", "scim2"})
    void managesMembersOneByOneWithoutDisturbingTheOthers(String dialect) {
        try (Emulated target = Emulated.start(dialect)) {
            GroupsApi groups = target.client.groups();
            ScimUser ann = target.createUser("ann");
            ScimUser ben = target.createUser("ben");
            ScimUser cat = target.createUser("cat");

            ScimGroup team = target.createGroup("research", ann, ben);
            assertThat(team.memberIds()).containsExactlyInAnyOrder(ann.id(), ben.id());
            assertThat(team.members()).extracting(ScimMember::display).contains("ann", "ben");

            groups.patch(team.id(), PatchRequest.addMembers(List.of(cat.id())));
            assertThat(groups.get(team.id()).memberIds()).containsExactlyInAnyOrder(ann.id(), ben.id(), cat.id());

            groups.patch(team.id(), PatchRequest.removeMember(ben.id()));
            assertThat(groups.get(team.id()).memberIds()).containsExactlyInAnyOrder(ann.id(), cat.id());

            ScimGroup replaced = groups.replace(team.id(), ScimGroup.newGroup("research", List.of(ben.id())));
            assertThat(replaced.memberIds()).containsExactly(ben.id());

            groups.patch(team.id(), PatchRequest.removeMember(ben.id()));
            ScimGroup empty = groups.get(team.id());
            assertThat(empty.members()).isEmpty(); // W&B answers "members": null here
            assertThat(empty.displayName()).isEqualTo("research");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"wandb", "wandb-saas", "scim2"})
    void createsAnEmptyTeamAndFindsTeamsByNameAndPage(String dialect) {
        try (Emulated target = Emulated.start(dialect, options -> options, settings -> settings.pageSize(2))) {
            for (String name : List.of("t1", "t2", "t3", "t4", "t5")) {
                target.client.groups().create(ScimGroup.newGroup(name, List.of()));
            }
            List<String> names = new ArrayList<>();

            assertThat(target.client.forEachGroup(null, group -> names.add(group.displayName()))).isEqualTo(5);
            assertThat(names).containsExactlyInAnyOrder("t1", "t2", "t3", "t4", "t5");
            assertThat(target.client.findGroupByName("t4")).map(ScimGroup::members).contains(List.of());
            assertThat(target.client.findGroupByName("t9")).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"wandb", "wandb-saas", "scim2"})
    void conflictNotFoundAndStaleVersion(String dialect) {
        try (Emulated target = Emulated.start(dialect)) {
            GroupsApi groups = target.client.groups();
            ScimUser ann = target.createUser("ann");
            ScimGroup team = target.createGroup("vision");
            String version = team.meta().version();
            groups.patch(team.id(), PatchRequest.addMembers(List.of(ann.id())), version);

            assertThatThrownBy(() -> target.createGroup("vision")).isInstanceOf(ScimConflictException.class);
            assertThatThrownBy(() -> groups.get("missing")).isInstanceOf(ScimNotFoundException.class);
            assertThatThrownBy(() -> groups.patch(team.id(), PatchRequest.removeMember(ann.id()), version))
                    .isInstanceOf(ScimPreconditionFailedException.class);
            assertThatThrownBy(() -> groups.replace(team.id(), ScimGroup.newGroup("vision", List.of()), version))
                    .isInstanceOf(ScimPreconditionFailedException.class);
            assertThat(groups.get(team.id()).memberIds()).containsExactly(ann.id());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"wandb", "wandb-saas", "scim2"})
    void aTargetWithoutTeamDeletionRefusesItOnceWith405AndKeepsTheTeam(String dialect) {
        try (Emulated target = Emulated.start(dialect, options -> options.withTeamDeleteSupported(false),
                settings -> settings)) {
            ScimGroup team = target.createGroup("keep");

            assertThatThrownBy(() -> target.client.groups().delete(team.id()))
                    .isInstanceOf(ScimRejectedException.class).hasMessageContaining("405");
            assertThat(target.client.groups().get(team.id()).displayName()).isEqualTo("keep");
            assertThat(target.client.requestCounts()).containsEntry("DELETE", 1L);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"wandb", "wandb-saas", "scim2"})
    void teamsCanBeDeletedAndTheirMembersStay(String dialect) {
        try (Emulated target = Emulated.start(dialect)) {
            ScimUser ann = target.createUser("ann");
            ScimGroup team = target.createGroup("gone", ann);

            target.client.groups().delete(team.id());

            assertThatThrownBy(() -> target.client.groups().get(team.id()))
                    .isInstanceOf(ScimNotFoundException.class);
            assertThat(target.client.users().get(ann.id()).id()).isEqualTo(ann.id());
        }
    }
}
