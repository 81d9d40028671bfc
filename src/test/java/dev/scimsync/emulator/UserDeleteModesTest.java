package dev.scimsync.emulator;

import static dev.scimsync.emulator.ScimHttp.patchOp;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The two servers W&amp;B has been: one whose {@code DELETE /Users/{id}} deactivates (the user stays listed), and one
 * where it removes the user from the organisation (deactivation is then PATCH {@code active:false}); each in every
 * dialect, and with the dialect's default.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class UserDeleteModesTest {

    private static final String TOKEN = "delete-modes-key";

    static Stream<Arguments> servers() {
        return Stream.of(EmulatorDialect.values()).flatMap(dialect -> Stream.of(
                Arguments.of(dialect, true, true),
                Arguments.of(dialect, false, false),
                Arguments.of(dialect, null, dialect != EmulatorDialect.WANDB)));
    }

    @ParameterizedTest(name = "{0}, user DELETE removes: {1}")
    @MethodSource("servers")
    void deleteRemovesOrDeactivatesAndTheTeamsFollow(EmulatorDialect dialect, Boolean setting, boolean removes) {
        try (WandbEmulator emulator = WandbEmulator.start(EmulatorOptions.of(TOKEN).withDialect(dialect)
                .withUserDeleteRemoves(setting))) {
            ScimHttp http = ScimHttp.bearer(emulator, TOKEN);
            String id = http.createUser("lea");
            String team = http.createGroup("infra", id);

            http.delete("/Users/" + id).expect(204);

            if (removes) {
                http.get("/Users/" + id).expect(404);
                assertThat(http.get("/Users").expect(200).resources()).isEmpty();
                JsonNode members = http.get("/Groups/" + team).expect(200).body().get("members");
                assertThat(members == null || members.isNull() || members.isEmpty()).as("members of infra").isTrue();
            } else {
                JsonNode listed = http.get("/Users").expect(200).resources();
                assertThat(listed).hasSize(1);
                assertThat(listed.get(0).get("active").asBoolean()).isFalse();
                assertThat(http.get("/Users/" + id).expect(200).body().get("active").asBoolean()).isFalse();
            }
        }
    }

    static Stream<Arguments> settings() {
        return Stream.of(EmulatorDialect.values()).flatMap(dialect -> Stream.of(
                Arguments.of(dialect, true), Arguments.of(dialect, false)));
    }

    @ParameterizedTest(name = "{0}, user DELETE removes: {1}")
    @MethodSource("settings")
    void patchActiveFalseDeactivatesWhereTheDialectKeepsInactiveUsers(EmulatorDialect dialect, boolean setting) {
        try (WandbEmulator emulator = WandbEmulator.start(EmulatorOptions.of(TOKEN).withDialect(dialect)
                .withUserDeleteRemoves(setting))) {
            ScimHttp http = ScimHttp.bearer(emulator, TOKEN);
            String id = http.createUser("max");

            http.patch("/Users/" + id, patchOp("replace", "active", "false")).expect(200);

            // multi-tenant W&B takes a deactivated user out of the organisation whatever DELETE does
            assertThat(http.get("/Users").expect(200).resources())
                    .hasSize(dialect == EmulatorDialect.WANDB_SAAS ? 0 : 1);
        }
    }
}
