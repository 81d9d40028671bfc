package dev.scimsync.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** /Roles (W&B custom roles) against the emulator over real HTTP. */
class RolesContractTest {

    @ParameterizedTest
    @ValueSource(strings = {"wandb", "wandb-saas"})
    void createsRolesAndChangesTheirPermissions(String dialect) {
        try (Emulated target = Emulated.start(dialect)) {
            RolesApi roles = target.client.roles();

            ScimRole created = roles.create(ScimRole.newRole("ml-lead", "Leads runs", "member", List.of("run:stop")));

            assertThat(created.schemas()).containsExactly("");
            assertThat(created.organizationId()).isNotBlank();
            assertThat(created.inheritedFrom()).isEqualTo("member");
            assertThat(created.permissions()).filteredOn(ScimPermission::inherited).isNotEmpty();
            assertThat(created.customPermissions()).extracting(ScimPermission::name).containsExactly("run:stop");

            roles.patch(created.id(), PatchRequest.addPermissions(List.of("run:delete", "project:delete")));
            ScimRole changed = roles.patch(created.id(), PatchRequest.removePermissions(List.of("run:stop")));

            assertThat(changed.customPermissions()).extracting(ScimPermission::name)
                    .containsExactlyInAnyOrder("run:delete", "project:delete");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"wandb", "wandb-saas"})
    void putChangesNameAndInheritanceButKeepsCustomPermissions(String dialect) {
        try (Emulated target = Emulated.start(dialect)) {
            RolesApi roles = target.client.roles();
            ScimRole created = roles.create(ScimRole.newRole("auditor", "Reads", "member", List.of("run:stop")));

            ScimRole replaced = roles.replace(created.id(),
                    ScimRole.newRole("auditors", "Read-only", "viewer", List.of()), created.meta().version());

            assertThat(replaced.name()).isEqualTo("auditors");
            assertThat(replaced.description()).isEqualTo("Read-only");
            assertThat(replaced.inheritedFrom()).isEqualTo("viewer");
            assertThat(replaced.customPermissions()).extracting(ScimPermission::name).containsExactly("run:stop");
            assertThatThrownBy(() -> roles.replace(created.id(), ScimRole.newRole("x", "y", "viewer", List.of()),
                    created.meta().version())).isInstanceOf(ScimPreconditionFailedException.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"wandb", "wandb-saas"})
    void deletingARoleFallsItsHoldersBackToTheInheritedRole(String dialect) {
        try (Emulated target = Emulated.start(dialect)) {
            ScimClient client = target.client;
            ScimRole role = client.roles().create(ScimRole.newRole("temp", "", "viewer", List.of("run:stop")));
            ScimUser user = target.createUser("kim");
            target.createGroup("ops", user);
            client.users().patch(user.id(), PatchRequest.replace("teamRoles", List.of(new TeamRole("ops", "temp"))));

            client.roles().delete(role.id());

            assertThatThrownBy(() -> client.roles().get(role.id())).isInstanceOf(ScimNotFoundException.class);
            assertThat(client.users().get(user.id()).teamRoles()).containsExactly(new TeamRole("ops", "viewer"));
            List<String> names = new ArrayList<>();
            client.forEachRole(null, listed -> names.add(listed.name()));
            assertThat(names).doesNotContain("temp");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"wandb", "wandb-saas"})
    void listsRolesAndRejectsDuplicates(String dialect) {
        try (Emulated target = Emulated.start(dialect, options -> options, settings -> settings.pageSize(1))) {
            RolesApi roles = target.client.roles();
            roles.create(ScimRole.newRole("a-role", "", "member", List.of()));
            roles.create(ScimRole.newRole("b-role", "", "viewer", List.of("launchagent:read")));
            List<String> names = new ArrayList<>();

            assertThat(target.client.forEachRole(null, role -> names.add(role.name()))).isEqualTo(2);
            assertThat(names).containsExactlyInAnyOrder("a-role", "b-role");
            assertThatThrownBy(() -> roles.create(ScimRole.newRole("a-role", "", "member", List.of())))
                    .isInstanceOf(ScimConflictException.class);
            assertThatThrownBy(() -> roles.create(ScimRole.newRole("c-role", "", "owner", List.of())))
                    .isInstanceOf(ScimRejectedException.class).hasMessageContaining("inheritedFrom");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"scim2"})
    void scim2HasNoRoles(String dialect) {
        try (Emulated target = Emulated.start(dialect)) {
            assertThatThrownBy(target.client::roles).isInstanceOf(UnsupportedByDialectException.class);
            assertThatThrownBy(() -> target.client.forEachRole(null, role -> { }))
                    .isInstanceOf(UnsupportedByDialectException.class);
            assertThat(target.emulator.requests()).isEmpty();
        }
    }
}
