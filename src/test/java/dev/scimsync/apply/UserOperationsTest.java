package dev.scimsync.apply;

import dev.scimsync.emulator.EmulatorOptions;
import dev.scimsync.emulator.WandbEmulator;
import dev.scimsync.scim.ApiKey;
import dev.scimsync.scim.ScimClient;
import dev.scimsync.scim.ScimClientSettings;
import dev.scimsync.scim.ScimUser;
import dev.scimsync.plan.OpKind;
import dev.scimsync.plan.OpOutcome;
import dev.scimsync.plan.OpState;
import dev.scimsync.plan.PlannedOp;
import dev.scimsync.plan.UserPayload;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** User operations against the emulator over real HTTP. */
class UserOperationsTest {

    private final WandbEmulator emulator = WandbEmulator.start(EmulatorOptions.of("k"));
    private final ScimClient client = ScimClient.create(ScimClientSettings.builder(emulator.baseUrl(),
            ApiKey.of("k")).build());
    private final UserOperations operations = new UserOperations(client);

    @AfterEach
    void close() {
        client.close();
        emulator.close();
    }

    @Test
    void aCreateAnsweredWith409LinksTheUserWithTheSameEmailAndAppliesTheRole() {
        ScimUser existing = client.users().create(ScimUser.newUser("ann", "Ann", "Ann@Example.com"));

        OpOutcome outcome = operations.execute(create("ann@example.com", "ann", "admin"), false);

        assertThat(outcome.state()).isEqualTo(OpState.DONE);
        assertThat(outcome.resultId()).isEqualTo(existing.id());
        assertThat(outcome.detail()).contains("409");
        assertThat(client.users().get(existing.id()).organizationRole()).isEqualTo("admin");
        assertThat(emulator.requests()).filteredOn(r -> r.method().equals("POST")).extracting(r -> r.status())
                .containsExactly(201, 409);
    }

    @Test
    void aUserNameTakenBySomeoneElseFailsTheRowAndIsNeverLinked() {
        ScimUser other = client.users().create(ScimUser.newUser("ann", "Ann", "ann@other.example.com"));

        OpOutcome outcome = operations.execute(create("ann@example.com", "ann", null), false);

        assertThat(outcome.state()).isEqualTo(OpState.FAILED);
        assertThat(outcome.httpStatus()).isEqualTo(409);
        assertThat(outcome.detail()).contains("userName 'ann' belongs to another user");
        assertThat(client.users().get(other.id()).organizationRole()).isEqualTo("member");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ann@example.com\u200B", "\u202Eann@example.com", "ann@exa\uFEFFmple.com",
            "ann@example.com\u00A0", "ANN@example.com\u2060"})
    void a409FromALookAlikeAccountNamesItAndNeverAdvisesAnotherUsername(String lookAlike) {
        ScimUser other = client.users().create(ScimUser.newUser("ann", "Ann", lookAlike));

        OpOutcome outcome = operations.execute(create("ann@example.com", "ann", null), false);

        assertThat(outcome.state()).isEqualTo(OpState.FAILED);
        assertThat(outcome.httpStatus()).isEqualTo(409);
        assertThat(outcome.detail()).contains("user " + other.id())
                .contains("differs from ann@example.com only by case or invisible characters")
                .containsPattern("<U\\+[0-9A-F]{4}>")
                .doesNotContain("set a username");
        assertThat(emulator.requests()).filteredOn(r -> r.method().equals("POST")).hasSize(2);
        assertThat(emulator.requests()).filteredOn(r -> !r.method().equals("POST") && !r.method().equals("GET"))
                .isEmpty();
    }

    @Test
    void anOperationThatMayHaveBeenSentIsLookedUpBeforeItIsSentAgain() {
        ScimUser sentBeforeTheCrash = client.users().create(ScimUser.newUser("bo", "Bo", "bo@example.com"));
        emulator.resetCounts();

        OpOutcome outcome = operations.execute(create("bo@example.com", "bo", null), true);

        assertThat(outcome.state()).isEqualTo(OpState.DONE);
        assertThat(outcome.resultId()).isEqualTo(sentBeforeTheCrash.id());
        assertThat(emulator.requests()).extracting(r -> r.method()).containsOnly("GET");
    }

    @Test
    void deactivatingAUserThatIsAlreadyGoneIsDone() {
        PlannedOp op = PlannedOp.pending("r", 1, OpKind.DEACTIVATE_USER, "x@example.com", "users", 2L, "no-such-id", "", "",
                new UserPayload("x@example.com", "x", null, null, null, null).toJson());

        OpOutcome outcome = operations.execute(op, false);

        assertThat(outcome.state()).isEqualTo(OpState.DONE);
        assertThat(outcome.detail()).contains("already gone");
    }

    private static PlannedOp create(String email, String userName, String orgRole) {
        return PlannedOp.pending("r", 1, OpKind.CREATE_USER, email, "users", 2L, null, "", "",
                new UserPayload(email, userName, null, orgRole, null, null).toJson());
    }
}
