package dev.scimsync.job;

import dev.scimsync.emulator.RecordedRequest;
import dev.scimsync.scim.ScimUser;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Users who must leave the organisation ({@code active=removed}, {@code absent-users: remove}) on both servers W&amp;B
 * has been, in the W&amp;B and the plain SCIM dialect: where {@code DELETE /Users} removes, they are removed and
 * deactivation is a PATCH; where it only deactivates, they are deactivated once and named for the W&amp;B admin UI
 * run after run, with nothing sent again.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class UserRemovalsTest extends JobTestSupport {

    private static final String HEADER = "email,username,display_name,org_role,active\n";
    private static final String EVERYONE = HEADER + """
            ops-admin@example.com,,,admin,true
            alice@example.com,,,,true
            bob@example.com,,,,true
            carol@example.com,,,,false
            legacy@example.com,,,,true
            """;
    /** alice and carol (inactive already) must leave, legacy is absent, bob is deactivated. */
    private static final String LEAVERS = HEADER + """
            ops-admin@example.com,,,admin,true
            alice@example.com,,,,removed
            bob@example.com,,,,false
            carol@example.com,,,,Removed
            """;
    private static final String REMOVE = """
            inputs: { users: %s }
            policy: { absent-users: remove, max-removals: 100%%, max-row-drop: 100%% }
            """;

    @ParameterizedTest(name = "{0}, DELETE /Users {1}")
    @CsvSource({"wandb, removes", "wandb, deactivates", "scim2, removes", "scim2, deactivates"})
    void usersWhoMustLeaveAreRemovedOrNamedForAPersonAndARerunSendsNothing(String dialect, String userDelete)
            throws IOException {
        boolean removes = userDelete.equals("removes");
        try (EmulatedOrg org = EmulatedOrg.demo(dir, dialect, userDelete, options -> options)) {
            secrets.key(org.key());
            assertThat(sync(org, EVERYONE).exitCode()).isEqualTo(ExitCodes.OK);
            Map<String, ScimUser> before = org.users();
            org.emulator.resetCounts();

            RunResult result = sync(org, LEAVERS);

            String bob = before.get("bob@example.com").id();
            List<String> writes = org.writes().stream().map(r -> r.method() + " " + id(r)).toList();
            if (removes) {
                assertThat(writes).containsExactlyInAnyOrder("PATCH " + bob,
                        "DELETE " + before.get("alice@example.com").id(),
                        "DELETE " + before.get("carol@example.com").id(),
                        "DELETE " + before.get("legacy@example.com").id());
                assertThat(org.users()).containsOnlyKeys("ops-admin@example.com", "bob@example.com");
                assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
                assertThat(result.rowCounts()).containsEntry("removed", 3L).containsEntry("deactivated", 1L);
            } else {
                assertThat(writes).containsExactlyInAnyOrder("DELETE " + bob,
                        "DELETE " + before.get("alice@example.com").id(),
                        "DELETE " + before.get("legacy@example.com").id());
                assertThat(org.users()).hasSize(5);
                assertThat(org.users().values()).filteredOn(ScimUser::activeOrDefault).extracting(u -> u.userName())
                        .containsExactly("ops-admin");
                assertThat(result.exitCode()).as("a person is needed").isEqualTo(ExitCodes.FAILURES);
                assertManualRemovals(result);
            }
            assertThat(Files.readAllLines(result.outDir().resolve("drift.csv")))
                    .anyMatch(l -> l.startsWith("user,legacy@example.com,") && l.contains("absent-users: remove,"
                            + (removes ? "removed" : "remove in the W&B admin UI")));
            org.emulator.resetCounts();

            RunResult again = sync(org, LEAVERS);

            assertThat(org.writes()).as("a re-run").isEmpty();
            assertThat(again.exitCode()).isEqualTo(removes ? ExitCodes.OK : ExitCodes.FAILURES);
            if (!removes) {
                assertManualRemovals(again);
            }
        }
    }

    @ParameterizedTest(name = "{0}, DELETE /Users {1}")
    @CsvSource({"wandb, removes", "wandb, deactivates", "scim2, removes", "scim2, deactivates"})
    void aProtectedUserNeverLeavesAndUnownedOnesAreOnlyReported(String dialect, String userDelete)
            throws IOException {
        try (EmulatedOrg org = EmulatedOrg.demo(dir, dialect, userDelete, options -> options)) {
            secrets.key(org.key());
            // only ops-admin and alice were ever named by this job: bob and legacy are nobody's to remove
            sync(org, HEADER + "ops-admin@example.com,,,admin,true\nalice@example.com,,,,true\n");
            org.emulator.resetCounts();

            RunResult result = runner.start(RunMode.SYNC, org.job("""
                    inputs: { users: %s }
                    policy: { absent-users: remove, max-removals: 100%%, max-row-drop: 100%%,
                              protected-users: [alice@example.com] }
                    """.formatted(org.file("users.csv", HEADER + "ops-admin@example.com,,,admin,true\n"
                    + "alice@example.com,,,,removed\n"))), null);

            assertThat(org.writes()).isEmpty();
            assertThat(org.users().get("alice@example.com").activeOrDefault()).isTrue();
            assertThat(Files.readAllLines(result.outDir().resolve("blocked.csv")))
                    .anyMatch(l -> l.contains("alice@example.com") && l.contains("protected user: never deactivated,"
                            + " removed or demoted"));
            assertThat(Files.readAllLines(result.outDir().resolve("drift.csv")))
                    .anyMatch(l -> l.startsWith("user,bob@example.com,") && l.contains(",reported,"))
                    .anyMatch(l -> l.startsWith("user,legacy@example.com,") && l.contains(",reported,"));
        }
    }

    private void assertManualRemovals(RunResult result) throws IOException {
        assertThat(result.rowCounts()).containsEntry("manual", 3L);
        assertThat(Files.readAllLines(result.outDir().resolve("results.csv")))
                .filteredOn(l -> l.contains(",remove in the W&B admin UI"))
                .hasSize(3)
                .allMatch(l -> l.contains(",manual,") && l.contains("remove it in the W&B admin UI"))
                .anyMatch(l -> l.contains(",alice@example.com,"))
                .anyMatch(l -> l.contains(",carol@example.com,"))
                .anyMatch(l -> l.contains(",legacy@example.com,"));
    }

    private RunResult sync(EmulatedOrg org, String users) throws IOException {
        return runner.start(RunMode.SYNC, org.job(REMOVE.formatted(org.file("users.csv", users))), null);
    }

    private static String id(RecordedRequest request) {
        String path = request.pathAndQuery();
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
