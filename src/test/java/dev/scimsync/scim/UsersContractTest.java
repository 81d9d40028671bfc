package dev.scimsync.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.scimsync.emulator.RecordedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** /Users against the W&B emulator over real HTTP, in each dialect. */
class UsersContractTest {

    @ParameterizedTest
    @ValueSource(strings = {"wandb", "wandb-saas", "scim2"})
    void createsReadsAndFindsUsers(String dialect) {
        try (Emulated target = Emulated.start(dialect)) {
            ScimClient client = target.client;
            ScimUser created = target.createUser("alice");

            ScimUser read = client.users().get(created.id());

            assertThat(read.userName()).isEqualTo("alice");
            assertThat(read.displayName()).isEqualTo("Name of alice");
            assertThat(read.primaryEmail()).contains("alice@example.com");
            assertThat(read.activeOrDefault()).isTrue();
            assertThat(read.meta().version()).isNotBlank();
            assertThat(client.findUserByEmail("ALICE@example.com")).map(ScimUser::id).contains(created.id());
            assertThat(client.findUserByUserName("alice")).map(ScimUser::id).contains(created.id());
            assertThat(client.findUserByUserName("nobody")).isEmpty();
            assertThat(client.users().list(ScimFilter.eq("userName", "alice"), null, null).totalResults())
                    .isEqualTo(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"wandb", "wandb-saas", "scim2"})
    void pagesThroughManyUsers(String dialect) {
        try (Emulated target = Emulated.start(dialect, options -> options, settings -> settings.pageSize(10))) {
            for (int i = 1; i <= 25; i++) {
                target.createUser("user" + i);
            }
            List<String> userNames = new ArrayList<>();

            long count = target.client.forEachUser(null, user -> userNames.add(user.userName()));

            assertThat(count).isEqualTo(25);
            assertThat(userNames).hasSize(25).doesNotHaveDuplicates().contains("user1", "user25");
            // (scim2 reads /ServiceProviderConfig once first: its maxResults is no smaller than 10)
            assertThat(target.emulator.requests()).filteredOn(request -> request.method().equals("GET")
                            && request.pathAndQuery().startsWith("/scim/Users"))
                    .extracting(RecordedRequest::pathAndQuery)
                    .containsExactly("/scim/Users?startIndex=1&count=10", "/scim/Users?startIndex=11&count=10",
                            "/scim/Users?startIndex=21&count=10");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"wandb", "wandb-saas"})
    void setsOrganizationAndTeamRoles(String dialect) {
        try (Emulated target = Emulated.start(dialect)) {
            ScimClient client = target.client;
            ScimUser user = target.createUser("bob");
            target.createGroup("vision", user);
            client.roles().create(ScimRole.newRole("ml-lead", "Leads", "member", List.of("run:stop")));

            ScimUser admin = client.users().patch(user.id(), PatchRequest.replace("organizationRole", "admin"));
            ScimUser teamAdmin = client.users().patch(user.id(),
                    PatchRequest.replace("teamRoles", List.of(new TeamRole("vision", "admin"))));
            ScimUser custom = client.users().patch(user.id(),
                    PatchRequest.replace("teamRoles", List.of(new TeamRole("vision", "ml-lead"))));

            assertThat(admin.organizationRole()).isEqualTo("admin");
            assertThat(teamAdmin.teamRoles()).containsExactly(new TeamRole("vision", "admin"));
            assertThat(custom.teamRoles()).containsExactly(new TeamRole("vision", "ml-lead"));
            assertThat(client.users().get(user.id()).teamRoles()).containsExactly(new TeamRole("vision", "ml-lead"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"wandb", "scim2"})
    void changesDisplayNameAndEmailWhereTheDialectAllows(String dialect) {
        try (Emulated target = Emulated.start(dialect)) {
            ScimUser user = target.createUser("carol");
            assertThat(target.client.dialect().supportsProfileUpdates()).isTrue();

            target.client.users().patch(user.id(), PatchRequest.of(
                    PatchOperation.replace("displayName", "Carol Diaz"),
                    PatchOperation.replace("emails", List.of(ScimEmail.primary("carol.diaz@example.com")))));

            ScimUser read = target.client.users().get(user.id());
            assertThat(read.displayName()).isEqualTo("Carol Diaz");
            assertThat(read.primaryEmail()).contains("carol.diaz@example.com");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"wandb-saas"})
    void saasRefusesProfileUpdates(String dialect) {
        try (Emulated target = Emulated.start(dialect)) {
            ScimUser user = target.createUser("dave");
            assertThat(target.client.dialect().supportsProfileUpdates()).isFalse();

            ScimRejectedException e = catchThrowableOfType(ScimRejectedException.class,
                    () -> target.client.users().patch(user.id(), PatchRequest.replace("displayName", "D")));

            assertThat(e.status()).isEqualTo(400);
            assertThat(e.error().scimType()).isEqualTo("mutability");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"wandb"})
    void wandbDeactivationKeepsTheUserListedInactiveAndCanBeUndone(String dialect) {
        try (Emulated target = Emulated.start(dialect)) {
            ScimClient client = target.client;
            ScimUser user = target.createUser("erin");

            client.deactivateUser(user.id());

            assertThat(client.users().get(user.id()).active()).isFalse();
            assertThat(listed(client, "erin")).map(ScimUser::active).contains(false);
            assertThat(target.emulator.requests()).extracting(RecordedRequest::method).contains("DELETE");

            client.reactivateUser(user.id());

            assertThat(client.users().get(user.id()).active()).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"wandb-saas"})
    void saasDeactivationRemovesTheUserAndCannotBeUndone(String dialect) {
        try (Emulated target = Emulated.start(dialect)) {
            ScimClient client = target.client;
            ScimUser user = target.createUser("fay");
            ScimUser other = target.createUser("gus");

            client.deactivateUser(user.id());

            assertThatThrownBy(() -> client.users().get(user.id())).isInstanceOf(ScimNotFoundException.class);
            assertThat(listed(client, "fay")).isEmpty();
            assertThatThrownBy(() -> client.reactivateUser(user.id()))
                    .isInstanceOf(UnsupportedByDialectException.class).hasMessageContaining("invite");
            // what the dialect refuses to send, the target refuses too
            assertThatThrownBy(() -> client.users().patch(other.id(), PatchRequest.replaceActive(true)))
                    .isInstanceOf(ScimRejectedException.class).hasMessageContaining("400");
        }
    }

    /**
     * Both servers, in the dialects whose deactivation stays in the organisation: where DELETE removes, deactivation
     * is a PATCH and the user stays listed inactive, and removal is the DELETE; where DELETE deactivates, that is the
     * deactivation, and the client refuses to remove without sending anything.
     */
    @ParameterizedTest
    @CsvSource({"wandb, true", "wandb, false", "scim2, true", "scim2, false"})
    void deactivationAndRemovalFollowWhatDeleteDoesOnTheTarget(String dialect, boolean deleteRemoves) {
        try (Emulated target = Emulated.start(dialect, options -> options.withUserDeleteRemoves(deleteRemoves),
                settings -> settings.userDeleteRemoves(deleteRemoves))) {
            ScimClient client = target.client;
            ScimUser user = target.createUser("ida");
            target.emulator.resetCounts();

            client.deactivateUser(user.id());

            assertThat(listed(client, "ida")).map(ScimUser::active).contains(false);
            assertThat(target.emulator.requests()).extracting(RecordedRequest::method)
                    .filteredOn(m -> !m.equals("GET")).containsExactly(deleteRemoves ? "PATCH" : "DELETE");
            target.emulator.resetCounts();
            if (deleteRemoves) {
                client.removeUser(user.id());

                assertThat(listed(client, "ida")).isEmpty();
                assertThatThrownBy(() -> client.users().get(user.id())).isInstanceOf(ScimNotFoundException.class);
            } else {
                assertThatThrownBy(() -> client.removeUser(user.id()))
                        .isInstanceOf(UnsupportedByDialectException.class).hasMessageContaining("W&B admin UI");

                assertThat(listed(client, "ida")).map(ScimUser::active).contains(false);
            }
            assertThat(target.emulator.requests().stream().map(RecordedRequest::method)
                    .filter(m -> !m.equals("GET")).toList()).isEqualTo(deleteRemoves ? List.of("DELETE") : List.of());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"scim2"})
    void scim2DeactivationPatchesActive(String dialect) {
        try (Emulated target = Emulated.start(dialect)) {
            ScimClient client = target.client;
            ScimUser user = target.createUser("hal");

            client.deactivateUser(user.id());

            assertThat(listed(client, "hal")).map(ScimUser::active).contains(false);
            assertThat(target.emulator.requests()).extracting(RecordedRequest::method).doesNotContain("DELETE");

            client.reactivateUser(user.id());

            assertThat(client.users().get(user.id()).active()).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"wandb", "wandb-saas", "scim2"})
    void duplicateIsAConflictAndUnknownIdIsNotFound(String dialect) {
        try (Emulated target = Emulated.start(dialect)) {
            target.createUser("ivy");

            ScimConflictException conflict = catchThrowableOfType(ScimConflictException.class,
                    () -> target.createUser("ivy"));
            ScimNotFoundException notFound = catchThrowableOfType(ScimNotFoundException.class,
                    () -> target.client.users().get("no-such-id"));

            assertThat(conflict.getMessage()).startsWith("POST /Users → 409 uniqueness: ");
            assertThat(conflict.detail()).isPresent();
            assertThat(notFound.status()).isEqualTo(404);
            assertThat(target.emulator.requests()).filteredOn(request -> request.method().equals("POST"))
                    .hasSize(2);
        }
    }

    @ParameterizedTest
    @CsvSource({"wandb, displayName, Jo", "wandb-saas, organizationRole, admin", "scim2, displayName, Jo"})
    void staleIfMatchIsAPreconditionFailure(String dialect, String path, String value) {
        try (Emulated target = Emulated.start(dialect)) {
            UsersApi users = target.client.users();
            ScimUser user = target.createUser("jo");
            String version = users.get(user.id()).meta().version();

            users.patch(user.id(), PatchRequest.replace(path, value), version);

            assertThatThrownBy(() -> users.patch(user.id(), PatchRequest.replace(path, value), version))
                    .isInstanceOf(ScimPreconditionFailedException.class);
            assertThatThrownBy(() -> users.delete(user.id(), version))
                    .isInstanceOf(ScimPreconditionFailedException.class);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"wandb", "wandb-saas", "scim2"})
    void wrongKeyIsAnAuthFailureAndNotRetried(String dialect) {
        try (Emulated target = Emulated.start(dialect);
                ScimClient intruder = ScimClient.create(ScimClientSettings.builder(target.emulator.baseUrl(),
                        ApiKey.of("not-the-key")).dialect(dialect).build())) {

            ScimAuthException e = catchThrowableOfType(ScimAuthException.class,
                    () -> intruder.users().list(null, null, null));

            assertThat(e.status()).isEqualTo(401);
            assertThat(e.getMessage()).contains("API key is missing or invalid");
            assertThat(intruder.requestCounts()).containsEntry("GET", 1L);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"bearer", "basic", "basic-service-account"})
    void everyAuthSchemeIsAccepted(String scheme) {
        try (Emulated target = Emulated.start("wandb");
                ScimClient client = ScimClient.create(Emulated.settings(target.emulator, "wandb")
                        .auth(AuthScheme.parse(scheme), "admin@example.com").build())) {

            assertThat(client.users().list(null, null, null).totalResults()).isZero();
        }
    }

    private static Optional<ScimUser> listed(ScimClient client, String userName) {
        List<ScimUser> all = new ArrayList<>();
        client.forEachUser(null, all::add);
        return all.stream().filter(user -> user.userName().equals(userName)).findFirst();
    }
}
