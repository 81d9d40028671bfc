package dev.scimsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The generated organisation of {@code --seed-org}, the one bench/GenerateOrg.java writes as CSV. */
class GeneratedOrgTest {

    private static final String TOKEN = "bench-key";

    @Test
    void seedsUsersTeamsMembershipsAndRolesByTheDocumentedRule() {
        GeneratedOrg spec = GeneratedOrg.parse("users=5, teams=3, memberships=7, roles=2");
        try (WandbEmulator emulator = WandbEmulator.start(EmulatorOptions.of(TOKEN).withSeedOrg(spec))) {
            ScimHttp http = ScimHttp.bearer(emulator, TOKEN);

            JsonNode users = http.get("/Users").expect(200).resources();
            assertThat(users.valueStream().map(u -> u.get("emails").get("Value").asString()).toList())
                    .containsExactly("user0@example.com", "user1@example.com", "user2@example.com",
                            "user3@example.com", "user4@example.com");
            assertThat(users.get(0).get("organizationRole").asString()).isEqualTo("admin");
            assertThat(users.get(1).get("organizationRole").asString()).isEqualTo("member");
            // k = 0 and k = 5: user 0 in team-0 as admin, then in team-1 ((0 + 1) % 3) as member
            assertThat(users.get(0).get("teamRoles").findValuesAsString("teamName")).containsExactly("team-0", "team-1");
            assertThat(users.get(0).get("teamRoles").findValuesAsString("roleName")).containsExactly("admin", "member");
            // k = 1: user 1 in team-1 as custom role bench-role-0 ((1 / 10) % 2)
            assertThat(users.get(1).get("teamRoles").findValuesAsString("roleName")).contains("bench-role-0");

            JsonNode teams = http.get("/Groups").expect(200).resources();
            assertThat(teams.findValuesAsString("displayName")).containsExactly("team-0", "team-1", "team-2");
            JsonNode roles = http.get("/Roles").expect(200).resources();
            assertThat(roles.valueStream().map(r -> r.get("name").asString()).toList()).containsExactly("bench-role-0", "bench-role-1");
        }
    }

    @Test
    void refusesMoreMembershipsThanPairsAndUnknownSizes() {
        assertThatThrownBy(() -> GeneratedOrg.parse("users=2,teams=2,memberships=5"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GeneratedOrg.parse("people=2")).isInstanceOf(IllegalArgumentException.class);
    }
}
