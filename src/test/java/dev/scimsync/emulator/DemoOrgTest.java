package dev.scimsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The demo organisation seeded with {@code demoOrg=true}. */
class DemoOrgTest {

    private static final String TOKEN = "demo-key";

    @Test
    void demoOrgHasFiveUsersOneTeamAndTheAuditorRole() {
        try (WandbEmulator emulator = WandbEmulator.start(EmulatorOptions.of(TOKEN).withDemoOrg(true))) {
            ScimHttp http = ScimHttp.bearer(emulator, TOKEN);

            JsonNode users = http.get("/Users").expect(200).resources();
            assertThat(users.valueStream().map(u -> u.get("emails").get("Value").asString()).toList())
                    .containsExactly("ops-admin@example.com", "alice@example.com", "bob@example.com",
                            "carol@example.com", "legacy@example.com");
            JsonNode admin = users.get(0);
            assertThat(admin.get("displayName").asString()).isEqualTo("Ops Admin");
            assertThat(admin.get("organizationRole").asString()).isEqualTo("admin");
            assertThat(admin.get("teamRoles").get(0).get("roleName").asString()).isEqualTo("admin");
            assertThat(users.get(1).get("teamRoles").get(0).get("roleName").asString()).isEqualTo("member");
            assertThat(users.valueStream().filter(u -> !u.get("active").asBoolean())
                    .map(u -> u.get("userName").asString()).toList()).isEqualTo(List.of("carol"));

            JsonNode team = http.get("/Groups").expect(200).resources().get(0);
            assertThat(team.get("displayName").asString()).isEqualTo("research");
            assertThat(team.get("members").findValuesAsString("Display")).containsExactly("ops-admin", "alice");

            JsonNode role = http.get("/Roles").expect(200).resources().get(0);
            assertThat(role.get("name").asString()).isEqualTo("auditor");
            assertThat(role.get("description").asString()).isEqualTo("Read-only auditors");
            assertThat(role.get("inheritedFrom").asString()).isEqualTo("viewer");
            assertThat(role.get("permissions").valueStream().filter(p -> !p.get("isInherited").asBoolean())
                    .map(p -> p.get("name").asString()).toList()).containsExactly("launchagent:read");
        }
    }

    @Test
    void withoutDemoOrgTheOrgIsEmpty() {
        try (WandbEmulator emulator = WandbEmulator.start(EmulatorOptions.of(TOKEN))) {
            assertThat(ScimHttp.bearer(emulator, TOKEN).get("/Users").body().get("totalResults").asInt()).isZero();
        }
    }
}
