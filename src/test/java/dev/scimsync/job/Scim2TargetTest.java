package dev.scimsync.job;

import dev.scimsync.config.ConfigException;
import dev.scimsync.emulator.RecordedRequest;
import dev.scimsync.scim.ScimUser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Users, teams and memberships synced to a plain RFC 7643/7644 service provider (the emulator's scim2 mode). */
class Scim2TargetTest extends DemoOrgJobTest {

    @Override
    EmulatedOrg newOrg(Path dir) {
        return EmulatedOrg.scim2(dir);
    }

    @Test
    void usersAreCreatedUpdatedDeactivatedAndReactivatedWithPlainPatches() throws IOException {
        String job = """
                inputs: { users: %s }
                policy: { absent-users: deactivate, max-removals: 5 }
                """;
        Path users = org.file("users.csv", """
                email,username,display_name,org_role,active
                ops-admin@example.com,ops-admin,Ops Admin,,
                alice@example.com,alice,Alice Ng-Smith,,
                carol@example.com,carol,Carol Diaz,,true
                dave@example.com,dave,Dave New,,
                bob@example.com,bob,,,false
                legacy@example.com,legacy,,,false
                """);
        Map<String, ScimUser> before = org.users();

        RunResult result = runner.start(RunMode.SYNC, org.job(job.formatted(users)), null);

        assertThat(result.exitCode()).as(String.valueOf(result.problem())).isEqualTo(ExitCodes.OK);
        Map<String, ScimUser> after = org.users();
        assertThat(after.get("dave@example.com").active()).isTrue();
        assertThat(after.get("alice@example.com").displayName()).isEqualTo("Alice Ng-Smith");
        assertThat(after.get("carol@example.com").active()).as("reactivated").isTrue();
        assertThat(after.get("bob@example.com").active()).as("deactivated").isFalse();
        assertThat(after.get("legacy@example.com").active()).as("deactivated").isFalse();
        List<RecordedRequest> writes = org.writes();
        assertThat(writes).noneMatch(r -> r.method().equals("DELETE"));
        assertThat(writes).filteredOn(r -> r.method().equals("POST")).singleElement()
                .satisfies(r -> assertThat(r.pathAndQuery()).isEqualTo("/scim/Users"));
        assertThat(writes).filteredOn(r -> r.pathAndQuery().endsWith(before.get("bob@example.com").id()))
                .singleElement().satisfies(r -> {
                    assertThat(r.method()).isEqualTo("PATCH");
                    assertThat(r.body()).contains("\"replace\"").contains("\"active\"").contains("false");
                });
        assertThat(writes).filteredOn(r -> r.pathAndQuery().endsWith(before.get("carol@example.com").id()))
                .singleElement().satisfies(r -> assertThat(r.body()).contains("\"active\"").contains("true"));
        assertThat(writes).as("create, update, reactivate, two deactivations").hasSize(5);
        org.emulator.resetCounts();

        assertThat(runner.start(RunMode.SYNC, org.job(job.formatted(users)), null).exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(org.writes()).as("a re-run with no change").isEmpty();
    }

    @Test
    void teamsAreCreatedAndMembersAddedAndRemovedOneByValueFilter() throws IOException {
        String job = """
                inputs: { memberships: %s }
                policy: { absent-members: remove, max-removals: 5 }
                """;
        // an earlier run named alice in research, so the job owns that membership and may remove it
        runner.start(RunMode.SYNC, org.job(job.formatted(org.file("memberships.csv",
                "team,email,role\nresearch,ops-admin@example.com,\nresearch,alice@example.com,\n"))), null);
        org.emulator.resetCounts();
        Path members = org.file("memberships.csv", """
                team,email,role
                research,ops-admin@example.com,
                research,bob@example.com,
                platform,alice@example.com,
                """);
        String alice = org.users().get("alice@example.com").id();

        RunResult result = runner.start(RunMode.SYNC, org.job(job.formatted(members)), null);

        assertThat(result.exitCode()).as(String.valueOf(result.problem())).isEqualTo(ExitCodes.OK);
        Map<String, ScimUser> users = org.users();
        assertThat(org.teams().get("research").memberIds()).containsExactlyInAnyOrder(
                users.get("ops-admin@example.com").id(), users.get("bob@example.com").id());
        assertThat(org.teams().get("platform").memberIds()).containsExactly(alice);
        List<RecordedRequest> writes = org.writes();
        assertThat(writes).filteredOn(r -> r.method().equals("POST")).singleElement()
                .satisfies(r -> assertThat(r.pathAndQuery()).isEqualTo("/scim/Groups"));
        assertThat(writes).filteredOn(r -> r.method().equals("PATCH") && r.body().contains("\"remove\""))
                .singleElement().satisfies(r -> assertThat(r.body())
                        .contains("members[value eq \\\"" + alice + "\\\"]"));
        assertThat(writes).as("no W&B team roles on a plain SCIM target")
                .noneMatch(r -> r.body() != null && r.body().contains("teamRoles"));
        org.emulator.resetCounts();

        assertThat(runner.start(RunMode.SYNC, org.job(job.formatted(members)), null).exitCode())
                .isEqualTo(ExitCodes.OK);
        assertThat(org.writes()).as("a re-run with no change").isEmpty();
    }

    @Test
    void roleColumnsAreNotSentAndTheRunSaysOncePerColumnHowManyValuesWereLeftOut() throws IOException {
        Path users = org.file("users.csv", """
                email,username,display_name,org_role,active
                ops-admin@example.com,ops-admin,Ops Admin,admin,
                alice@example.com,alice,Alice,viewer,
                dave@example.com,dave,Dave New,admin,
                erin@example.com,erin,Erin New,,
                """);
        Path members = org.file("memberships.csv", """
                team,email,role
                research,dave@example.com,admin
                research,erin@example.com,member
                vision,alice@example.com,ml-engineer
                vision,erin@example.com,
                """);
        String job = "inputs: { users: %s, memberships: %s }\n".formatted(users, members);

        RunResult result = runner.start(RunMode.SYNC, org.job(job), null);

        assertThat(result.exitCode()).as(String.valueOf(result.problem())).isEqualTo(ExitCodes.OK);
        Map<String, ScimUser> after = org.users();
        assertThat(org.teams().get("research").memberIds()).contains(after.get("dave@example.com").id(),
                after.get("erin@example.com").id());
        assertThat(org.teams().get("vision").memberIds()).containsExactlyInAnyOrder(
                after.get("alice@example.com").id(), after.get("erin@example.com").id());
        assertThat(org.writes()).as("only RFC 7643 core attributes").isNotEmpty()
                .noneMatch(r -> r.body() != null && (r.body().contains("organizationRole")
                        || r.body().contains("teamRoles")));
        String usersNote = "users.csv column org_role: 3 values not applied";
        String membersNote = "memberships.csv column role: 3 values not applied";
        assertThat(result.notes()).hasSize(2).anySatisfy(n -> assertThat(n).startsWith(usersNote))
                .anySatisfy(n -> assertThat(n).startsWith(membersNote));
        assertThat(Files.readString(result.outDir().resolve("summary.json")))
                .contains("\"column\" : \"org_role\"", "\"column\" : \"role\"");
        String page = Files.readString(result.outDir().resolve("report.html"));
        assertThat(page).contains(usersNote, membersNote);
        assertThat(page.split(java.util.regex.Pattern.quote(usersNote), -1)).as("said once").hasSize(2);
        org.emulator.resetCounts();

        RunResult again = runner.start(RunMode.SYNC, org.job(job), null);

        assertThat(again.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(org.writes()).as("a re-run with no change").isEmpty();
    }

    @Test
    void customRolesAreAConfigurationErrorWithTheScim2Dialect() throws IOException {
        Path roles = org.file("roles.csv", "name,inherited_from,permissions,description\nx,member,run:stop,\n");

        assertThatThrownBy(() -> org.job("inputs: { roles: %s }\n".formatted(roles)))
                .isInstanceOf(ConfigException.class).hasMessageContaining("the scim2 dialect has no custom roles");
        assertThat(org.writes()).isEmpty();
    }
}
