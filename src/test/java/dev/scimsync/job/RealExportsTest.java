package dev.scimsync.job;

import dev.scimsync.emulator.RecordedRequest;
import dev.scimsync.scim.ScimUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exports as admins really make them, synced into the emulator's demo organisation: keys with invisible characters,
 * cells far longer than any value, rows that repeat a key with other values. None of them may cost a real account
 * or stop the job.
 */
class RealExportsTest extends DemoOrgJobTest {

    private static final String DEACTIVATE = "policy: { absent-users: deactivate, max-removals: 100% }\n";
    private static final String ALL_USERS = """
            ops-admin@example.com,ops-admin
            alice@example.com,alice
            bob@example.com,bob
            legacy@example.com,legacy
            """;

    @ParameterizedTest
    @ValueSource(strings = {"alice@example.com\u200B", "\u202Ealice@example.com", "ali\uFEFFce@example.com",
            "alice@example.com\u00A0", "Alice@Example.com\u2060", "Alice Ng <alice@example.com>",
            "mailto:alice@example.com", "alice@example.com;", "\"alice@example.com\"", "ａｌｉｃｅ@example.com\u200D"})
    void anEmailThatOnlyLooksLikeTheRealOneNeitherCreatesAnAccountNorDeactivatesTheRealUser(String lookAlike)
            throws IOException {
        RunResult first = sync(DEACTIVATE, users(ALL_USERS));
        assertThat(first.exitCode()).isEqualTo(ExitCodes.OK);
        org.emulator.resetCounts();

        RunResult second = sync(DEACTIVATE, users(ALL_USERS.replace("alice@example.com", csvCell(lookAlike))));

        assertThat(second.exitCode()).isEqualTo(ExitCodes.FAILURES);
        assertThat(second.rowCounts()).containsEntry("invalid", 1L).containsEntry("deactivated", 0L)
                .containsEntry("created", 0L);
        assertThat(org.users().get("alice@example.com").active()).isTrue();
        assertThat(org.users()).hasSize(5);
        assertThat(org.writes()).isEmpty();
        List<String> results = Files.readAllLines(second.outDir().resolve("results.csv"), StandardCharsets.UTF_8);
        assertThat(results).filteredOn(l -> l.contains(",3,")).singleElement().asString().contains("invalid")
                .doesNotContain("set a username");
    }

    @Test
    void anInvisibleCharacterInTheReportNamesItsCodePoint() throws IOException {
        RunResult result = sync(DEACTIVATE, users(ALL_USERS.replace("alice@example.com", "alice@example.com\u200B")));

        assertThat(Files.readString(result.outDir().resolve("results.csv"))).contains("alice@example.com<U+200B>");
        assertThat(Files.readString(result.outDir().resolve("failed-users.csv")))
                .contains("alice@example.com\u200B,alice,");
    }

    @ParameterizedTest
    @ValueSource(strings = {"research\u200B,alice@example.com", "research,alice@example.com\u200B",
            "RESEARCH\u00A0,Alice@example.com", "research,Alice Ng <alice@example.com>"})
    void aMembershipThatOnlyLooksLikeTheRealOneNeverRemovesTheRealMember(String lookAlike) throws IOException {
        String job = "policy: { absent-members: remove, max-removals: 100% }\n";
        String members = "research,ops-admin@example.com,admin\nresearch,alice@example.com,member\n";
        assertThat(syncMembers(job, members).exitCode()).isEqualTo(ExitCodes.OK);
        org.emulator.resetCounts();

        RunResult second = syncMembers(job, members.replace("research,alice@example.com",
                lookAlike.replace("Alice Ng <alice@example.com>", "\"Alice Ng <alice@example.com>\"")));

        assertThat(second.exitCode()).isEqualTo(ExitCodes.FAILURES);
        assertThat(second.rowCounts()).containsEntry("invalid", 1L);
        assertThat(org.writes()).isEmpty();
        assertThat(org.teams().get("research").memberIds()).contains(org.users().get("alice@example.com").id());
    }

    @Test
    void aChunkWithHugeCellsIsOneInvalidRowEachAndTheNextRunCompletes() throws IOException {
        String hugeName = "N".repeat(2_000_000);
        String hugeNotes = "n".repeat(1_200_000);
        StringBuilder users = new StringBuilder("email,username,display_name,notes\n");
        for (int i = 1; i <= 10; i++) {
            String name = i == 4 ? hugeName : "User " + i;
            String notes = i == 7 ? hugeNotes : "";
            users.append("new").append(i).append("@example.com,new").append(i).append(',').append(name).append(',')
                    .append(notes).append('\n');
        }
        Path usersFile = org.file("users.csv", users.toString());
        String longTeam = "t".repeat(400);
        Path members = org.file("memberships.csv", "team,email,role\nresearch,new1@example.com,\n" + longTeam
                + ",new2@example.com,\nresearch,new3@example.com,viewer\n");
        String job = """
                inputs: { users: %s, memberships: %s }
                limits: { chunk-size: 10 }
                """.formatted(usersFile, members);

        RunResult first = runner.start(RunMode.SYNC, org.job(job), null);

        assertThat(first.exitCode()).isEqualTo(ExitCodes.FAILURES);
        assertThat(first.rowCounts()).containsEntry("invalid", 2L).containsEntry("created", 11L)
                .containsEntry("failed", 0L);
        Map<String, ScimUser> target = org.users();
        assertThat(target).containsKeys("new1@example.com", "new7@example.com", "new10@example.com")
                .doesNotContainKey("new4@example.com");
        assertThat(org.teams().get("research").memberIds()).contains(target.get("new1@example.com").id(),
                target.get("new3@example.com").id());
        List<String> failedUsers = Files.readAllLines(first.outDir().resolve("failed-users.csv"));
        assertThat(failedUsers).hasSize(2);
        assertThat(failedUsers.get(1)).startsWith("new4@example.com,new4," + hugeName + ",,");
        assertThat(Files.readString(first.outDir().resolve("results.csv")))
                .contains("400 characters (at most 128)").contains("2000000 characters long (at most 256)");

        RunResult second = runner.start(RunMode.SYNC, org.job(job), null);

        assertThat(second.exitCode()).isEqualTo(ExitCodes.FAILURES);
        assertThat(second.rowCounts()).containsEntry("invalid", 2L).containsEntry("unchanged", 11L);
    }

    @Test
    void theLongestValidKeysAreApplied() throws IOException {
        String email = "e".repeat(254 - "@example.com".length()) + "@example.com";
        String team = "t".repeat(128);
        Path users = org.file("users.csv", "email,username\n" + email + ",longest\n");
        Path members = org.file("memberships.csv", "team,email,role\n" + team + "," + email + ",admin\n");

        RunResult result = runner.start(RunMode.SYNC, org.job("inputs: { users: %s, memberships: %s }\n"
                .formatted(users, members)), null);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(org.teams().get(team).memberIds()).containsExactly(org.users().get(email).id());
    }

    @Test
    void rowsThatRepeatAKeyWithOtherValuesAreAllInvalidAndTheUserKeepsItsState() throws IOException {
        RunResult first = sync(DEACTIVATE, users(ALL_USERS));
        assertThat(first.exitCode()).isEqualTo(ExitCodes.OK);
        org.emulator.resetCounts();

        RunResult second = runner.start(RunMode.SYNC, org.job("inputs: { users: %s }\n".formatted(org.file("users.csv",
                """
                email,username,org_role
                ops-admin@example.com,ops-admin,admin
                alice@example.com,alice,admin
                bob@example.com,bob,
                legacy@example.com,legacy,
                ALICE@example.com,alice,viewer
                bob@example.com,bob,
                """)) + DEACTIVATE), null);

        assertThat(second.exitCode()).isEqualTo(ExitCodes.FAILURES);
        assertThat(second.rowCounts()).containsEntry("invalid", 3L).containsEntry("deactivated", 0L);
        assertThat(org.users().get("alice@example.com").organizationRole()).isEqualTo("member");
        assertThat(org.users().get("alice@example.com").active()).isTrue();
        assertThat(org.writes()).extracting(RecordedRequest::method).isEmpty();
        String results = Files.readString(second.outDir().resolve("results.csv"));
        assertThat(results).contains("duplicate email (ignoring case) 'alice@example.com' with other values on line 6")
                .contains("duplicate email (ignoring case) 'ALICE@example.com' with other values on line 3")
                .contains("duplicate email (ignoring case) 'bob@example.com' (also on line 4");
    }

    @Test
    void aFailedRowsFileFedBackToTheSameJobAppliesItsRowsAndRemovesNothing() throws IOException {
        String policy = "policy: { absent-users: deactivate, max-removals: 100% }\n";
        RunResult first = runner.start(RunMode.SYNC, org.job("inputs: { users: %s }\n".formatted(org.file("users.csv",
                """
                email,username,org_role
                ops-admin@example.com,ops-admin,admin
                alice@example.com,alice,
                bob@example.com,bob,owner
                legacy@example.com,legacy,
                new@example.com,new,boss
                """)) + policy), null);
        assertThat(first.exitCode()).isEqualTo(ExitCodes.FAILURES);
        String failed = Files.readString(first.outDir().resolve("failed-users.csv"));
        assertThat(failed).startsWith("email,username,org_role,reason");
        Path fixed = org.file("fixed-users.csv", failed.replace(",owner,", ",admin,").replace(",boss,", ",viewer,"));
        org.emulator.resetCounts();

        RunResult fedBack = runner.start(RunMode.SYNC, org.job("inputs: { users: %s }\n".formatted(fixed) + policy),
                null);

        assertThat(fedBack.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(fedBack.rowCounts()).containsEntry("updated", 1L).containsEntry("created", 1L)
                .containsEntry("deactivated", 0L);
        assertThat(org.users().get("bob@example.com").organizationRole()).isEqualTo("admin");
        assertThat(org.users().get("new@example.com").organizationRole()).isEqualTo("viewer");
        assertThat(org.users().get("alice@example.com").active()).isTrue();
        assertThat(Files.readString(fedBack.outDir().resolve("summary.json"))).containsPattern("\"partial\"\\s*:\\s*true");
        assertThat(Files.readString(fedBack.outDir().resolve("report.html"))).contains("partial: nothing it lacks is absent");

        // the next whole export is compared with the last whole one, not with the two rows fed back
        RunResult whole = runner.start(RunMode.SYNC, org.job("inputs: { users: %s }\n".formatted(org.file("users.csv",
                "email,username\nops-admin@example.com,ops-admin\nbob@example.com,bob\nlegacy@example.com,legacy\n"
                        + "new@example.com,new\n")) + policy), null);
        assertThat(whole.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(whole.rowCounts()).containsEntry("deactivated", 1L);
        assertThat(org.users().get("alice@example.com").active()).isFalse();
    }

    @Test
    void anyFileGivenWithPartialIsAppliedWithoutRemovalsOrTheRowDropGuard() throws IOException {
        String policy = "policy: { absent-users: deactivate, max-removals: 100% }\n";
        assertThat(sync(policy, users(ALL_USERS)).exitCode()).isEqualTo(ExitCodes.OK);
        org.emulator.resetCounts();
        Path one = org.file("one.csv", "email,org_role\nbob@example.com,viewer\n");

        RunResult partial = runner.start(RunMode.SYNC, org.job("inputs: { users: %s }\n".formatted(one) + policy),
                null, null, true);
        RunResult notPartial = runner.start(RunMode.SYNC, org.job("inputs: { users: %s }\n".formatted(one) + policy),
                null, null, false);

        assertThat(partial.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(partial.rowCounts()).containsEntry("updated", 1L).containsEntry("deactivated", 0L);
        assertThat(org.users().get("bob@example.com").organizationRole()).isEqualTo("viewer");
        assertThat(org.users().get("alice@example.com").active()).isTrue();
        assertThat(notPartial.exitCode()).as("the row-drop guard still holds for a whole input")
                .isEqualTo(ExitCodes.INPUT_REJECTED);
    }

    private RunResult sync(String policy, Path users) throws IOException {
        return runner.start(RunMode.SYNC, org.job("inputs: { users: %s }\n".formatted(users) + policy), null);
    }

    private RunResult syncMembers(String policy, String rows) throws IOException {
        Path members = org.file("memberships.csv", "team,email,role\n" + rows);
        return runner.start(RunMode.SYNC, org.job("inputs: { memberships: %s }\n".formatted(members) + policy), null);
    }

    private Path users(String rows) throws IOException {
        return org.file("users.csv", "email,username\n" + rows);
    }

    private static String csvCell(String value) {
        return value.contains(",") || value.contains("\"") || value.contains(";")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
