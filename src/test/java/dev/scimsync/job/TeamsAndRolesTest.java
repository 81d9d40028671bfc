package dev.scimsync.job;

import dev.scimsync.emulator.RecordedRequest;
import dev.scimsync.scim.ScimClient;
import dev.scimsync.scim.ScimGroup;
import dev.scimsync.scim.ScimPermission;
import dev.scimsync.scim.ScimUser;
import dev.scimsync.scim.TeamRole;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Teams, memberships, team roles and custom roles, synced into the demo organisation of the emulator. */
class TeamsAndRolesTest extends DemoOrgJobTest {


    @Test
    void aMissingTeamIsCreatedWithItsKnownMembersInTheSameRequest() throws IOException {
        RunResult result = sync("""
                inputs: { memberships: %s }
                """, memberships("platform,alice@example.com,\nplatform,bob@example.com,\n"));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        Map<String, ScimUser> users = org.users();
        assertThat(org.teams().get("platform").memberIds()).containsExactlyInAnyOrder(
                users.get("alice@example.com").id(), users.get("bob@example.com").id());
        assertThat(org.writes()).singleElement().satisfies(post -> {
            assertThat(post.method()).isEqualTo("POST");
            assertThat(post.pathAndQuery()).isEqualTo("/scim/Groups");
        });
        assertThat(result.rowCounts()).containsEntry("created", 2L);
    }

    @Test
    void missingMembersAreAddedManyPerRequestAndTeamRolesOnlyWhenTheyDiffer() throws IOException {
        RunResult result = sync("""
                inputs: { memberships: %s }
                """, memberships("""
                research,ops-admin@example.com,ADMIN
                research,alice@example.com,viewer
                research,bob@example.com,
                research,legacy@example.com,member
                research,carol@example.com,auditor
                """));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        List<RecordedRequest> writes = org.writes();
        assertThat(writes).filteredOn(r -> r.pathAndQuery().startsWith("/scim/Groups/")).singleElement()
                .satisfies(add -> assertThat(add.body()).contains("\"add\"").contains(org.users()
                        .get("bob@example.com").id()).contains(org.users().get("legacy@example.com").id()));
        assertThat(writes).filteredOn(r -> r.pathAndQuery().startsWith("/scim/Users/")).hasSize(2)
                .allSatisfy(r -> assertThat(r.body()).contains("teamRoles"));
        assertThat(teamRole("alice@example.com", "research")).isEqualTo("viewer");
        assertThat(teamRole("carol@example.com", "research")).isEqualTo("auditor");
        assertThat(teamRole("ops-admin@example.com", "research")).isEqualTo("admin");
    }

    @Test
    void requestsGrowWithChangesNotWithUsersTimesTeams() throws IOException {
        String members = "research,ops-admin@example.com,admin\nresearch,alice@example.com,\n";
        String job = """
                inputs: { memberships: %s }
                policy: { absent-members: remove, max-removals: 1 }
                """;
        assertThat(sync(job, memberships(members)).exitCode()).isEqualTo(ExitCodes.OK);
        org.emulator.resetCounts();

        assertThat(sync(job, memberships(members)).exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(org.writes()).as("a re-run with no change").isEmpty();

        sync(job, memberships(members + "research,bob@example.com,\n"));
        assertThat(org.writes()).as("adding one member with the default role").hasSize(1);
        org.emulator.resetCounts();

        RunResult removal = sync(job, memberships(members));
        String bob = org.users().get("bob@example.com").id();
        assertThat(org.writes()).as("removing one member").singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("PATCH");
            assertThat(r.body()).contains("\"remove\"").contains("members[value eq \\\"" + bob + "\\\"]");
        });
        assertThat(org.teams().get("research").memberIds()).hasSize(2).doesNotContain(bob);
        assertThat(Files.readAllLines(removal.outDir().resolve("results.csv")))
                .anyMatch(l -> l.contains("research/bob@example.com") && l.contains("remove member (absent)")
                        && l.contains(",removed,"));
    }

    @Test
    void absentMembersAreRemovedOnlyFromTeamsTheInputsManage() throws IOException {
        try (ScimClient client = org.client()) {
            client.groups().create(ScimGroup.newGroup("unmanaged", List.of(org.users().get("bob@example.com").id())));
        }

        String memberships = "inputs: { memberships: %s }\n";
        sync(memberships, memberships("research,ops-admin@example.com,\nresearch,alice@example.com,\n"));
        RunResult result = sync("""
                inputs: { teams: %s }
                policy: { absent-members: remove, max-removals: 5 }
                """, org.file("teams.csv", "team\nresearch\n"));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(org.teams().get("research").memberIds()).isEmpty();
        assertThat(org.teams().get("unmanaged").memberIds()).hasSize(1);
    }

    @Test
    void aRoleNoInputOfTheJobEverNamedIsNeverDeleted() throws IOException {
        RunResult result = sync("""
                inputs: { roles: %s }
                policy: { absent-roles: delete, max-removals: 5 }
                """, org.file("roles.csv", "name,inherited_from,permissions\nnewcomer,viewer,run:stop\n"));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(org.roles()).containsOnlyKeys("auditor", "newcomer");
    }

    @Test
    void aMembershipWhoseUserOrCustomRoleExistsNowhereIsAnInvalidRow() throws IOException {
        RunResult result = sync("""
                inputs: { memberships: %s }
                """, memberships("research,nobody@example.com,\nresearch,bob@example.com,no-such-role\n"));

        assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILURES);
        assertThat(result.rowCounts()).containsEntry("invalid", 2L);
        assertThat(org.writes()).isEmpty();
        assertThat(Files.readAllLines(result.outDir().resolve("results.csv")))
                .anyMatch(l -> l.contains(",2,") && l.contains("'nobody@example.com' is neither in users.csv nor"))
                .anyMatch(l -> l.contains(",3,") && l.contains("custom role 'no-such-role' exists neither"));
    }

    @Test
    void customRolesAreCreatedChangedAndDeletedWithTheirFallbackListed() throws IOException {
        Path earlier = org.file("earlier-roles.csv", "name,inherited_from,permissions,description\n"
                + "obsolete,member,run:stop,old\n");
        sync("inputs: { roles: " + earlier + ", memberships: %s }\n",
                memberships("research,alice@example.com,obsolete\n"));
        org.emulator.resetCounts();
        Path roles = org.file("roles.csv", """
                name,inherited_from,permissions,description
                auditor,member,run:stop,Read-only auditors
                release-manager,member,project:update;run:delete,Ships releases
                """);
        String job = """
                inputs: { roles: %s }
                policy: { absent-roles: delete, max-removals: 1 }
                """;

        RunResult plan = runner.start(RunMode.PLAN, org.job(job.formatted(roles)), null);
        assertThat(Files.readAllLines(plan.outDir().resolve("plan.csv")))
                .anyMatch(l -> l.contains("delete role") && l.contains("1 users fall back to member: alice@example.com"));
        RunResult result = runner.start(RunMode.APPLY, org.job(job.formatted(roles)), plan.run().runId());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(org.roles()).containsOnlyKeys("auditor", "release-manager");
        assertThat(org.roles().get("auditor").inheritedFrom()).isEqualTo("member");
        assertThat(org.roles().get("auditor").customPermissions()).extracting(ScimPermission::name)
                .containsExactly("run:stop");
        assertThat(org.roles().get("release-manager").customPermissions()).extracting(ScimPermission::name)
                .containsExactly("project:update", "run:delete");
        assertThat(teamRole("alice@example.com", "research")).isEqualTo("member");
        assertThat(org.writes()).extracting(r -> r.method() + " " + r.pathAndQuery().replaceAll("/[0-9a-f-]{36}", "/ID"))
                .containsExactlyInAnyOrder("POST /scim/Roles", "PUT /scim/Roles/ID", "PATCH /scim/Roles/ID",
                        "PATCH /scim/Roles/ID", "DELETE /scim/Roles/ID");
        org.emulator.resetCounts();

        assertThat(sync(job, roles).exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(org.writes()).as("a re-run with no change").isEmpty();
    }

    /** One step of a role's life: roles.csv's inherited role and permissions, and the one write it should cost. */
    private record RoleStep(String inheritedFrom, String permissions, String write, List<String> own) {
    }

    @Test
    void aRoleKeepsItsOwnPermissionsWhenItsInheritedRoleSwitchesAndBack() throws IOException {
        // the documented example: inherits member, custom permission project:update; the documentation lists
        // artifact:read as inherited from member, and a row may still name it as the role's own
        List<String> both = List.of("artifact:read", "project:update");
        List<RoleStep> steps = List.of(
                new RoleStep("member", "project:update", "POST /scim/Roles", List.of("project:update")),
                new RoleStep("member", "artifact:read;project:update", "PATCH /scim/Roles/ID", both),
                new RoleStep("viewer", "artifact:read;project:update", "PUT /scim/Roles/ID", both),
                new RoleStep("member", "artifact:read;project:update", "PUT /scim/Roles/ID", both));
        String job = "inputs: { roles: %s }\n";
        for (RoleStep step : steps) {
            Path roles = org.file("roles.csv", "name,inherited_from,permissions,description\nreviewer,"
                    + step.inheritedFrom() + "," + step.permissions() + ",Reviews\n");
            org.emulator.resetCounts();

            assertThat(sync(job, roles).exitCode()).as(step.toString()).isEqualTo(ExitCodes.OK);

            assertThat(org.writes()).as(step.toString())
                    .extracting(r -> r.method() + " " + r.pathAndQuery().replaceAll("/[0-9a-f-]{36}", "/ID"))
                    .containsExactly(step.write());
            assertThat(org.roles().get("reviewer").inheritedFrom()).isEqualTo(step.inheritedFrom());
            assertThat(org.roles().get("reviewer").customPermissions()).extracting(ScimPermission::name)
                    .as(step.toString()).containsExactlyInAnyOrderElementsOf(step.own());
            org.emulator.resetCounts();
            assertThat(sync(job, roles).exitCode()).isEqualTo(ExitCodes.OK);
            assertThat(org.writes()).as("a re-run after " + step).isEmpty();
        }
    }

    @Test
    void aRowRepeatedWithTheSameValuesKeepsItsFirstLineAndRowsThatDisagreeAreAllInvalid() throws IOException {
        Path users = org.file("users.csv", """
                email,username,display_name,org_role,active
                alice@example.com,alice,Alice Smith-Jones,member,true
                Bob@Example.com,bob,Bob Stone,admin,true
                ALICE@example.com,alice2,Alice Again,member,true
                not-an-email,x,X,member,true
                bob@example.com,bob,Bob Stone,admin,true
                """);
        Path teams = org.file("teams.csv", "team\nresearch\nResearch\nnew-team\n");
        Path roles = org.file("roles.csv", "name,inherited_from,permissions\nauditor,member,run:stop\n"
                + "Auditor,member,run:stop\nauditor,viewer,run:stop\n");
        Path memberships = memberships("""
                research,alice@example.com,
                new-team,bob@example.com,
                RESEARCH,Alice@example.com,viewer
                new-team,alice@example.com,
                new-team,BOB@example.com,
                """);

        RunResult plan = runner.start(RunMode.PLAN, org.job(("inputs: { users: %s, teams: %s, memberships: %s,"
                + " roles: %s }\n").formatted(users, teams, memberships, roles)), null);

        assertThat(plan.exitCode()).isEqualTo(ExitCodes.FAILURES);
        assertThat(Files.readAllLines(plan.outDir().resolve("results.csv")).stream()
                .map(l -> l.replace(dir + "/", "").replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "ID"))).containsExactly(
                "file,line,key,kind,action,status,target_id,http_status,error_type,detail,attempts",
                "memberships.csv,2,research/alice@example.com,membership,,invalid,,,,email: duplicate membership"
                        + " 'research / alice@example.com' with other values on line 4 of memberships.csv (here role"
                        + " (empty)); none of these rows is applied until they agree,0",
                "memberships.csv,3,new-team/bob@example.com,membership,add member,planned,,,,,0",
                "memberships.csv,4,research/alice@example.com,membership,,invalid,,,,email: duplicate membership"
                        + " 'RESEARCH / Alice@example.com' with other values on line 2 of memberships.csv (here role"
                        + " 'viewer'); none of these rows is applied until they agree,0",
                "memberships.csv,5,new-team/alice@example.com,membership,add member,planned,,,,,0",
                "memberships.csv,6,new-team/bob@example.com,membership,,invalid,,,,email: duplicate membership"
                        + " 'new-team / BOB@example.com' (also on line 3 of memberships.csv),0",
                "roles.csv,2,auditor,role,,invalid,,,,name: duplicate role 'auditor' with other values on line 4 of"
                        + " roles.csv (here inherited_from 'member'); none of these rows is applied until they agree,0",
                "roles.csv,3,Auditor,role,create,planned,,,,,0",
                "roles.csv,4,auditor,role,,invalid,,,,name: duplicate role 'auditor' with other values on line 2 of"
                        + " roles.csv (here inherited_from 'viewer'); none of these rows is applied until they agree,0",
                "teams.csv,2,research,team,,unchanged,,,,,0",
                "teams.csv,3,research,team,,invalid,,,,team: duplicate team (ignoring case) 'Research' (also on line 2"
                        + " of teams.csv),0",
                "teams.csv,4,new-team,team,create team,planned,,,,,0",
                "users.csv,2,alice@example.com,user,,invalid,,,,\"email: duplicate email (ignoring case)"
                        + " 'alice@example.com' with other values on line 4 of users.csv (here username 'alice',"
                        + " display_name 'Alice Smith-Jones'); none of these rows is applied until they agree\",0",
                "users.csv,3,bob@example.com,user,update,planned,ID,,,,0",
                "users.csv,4,alice@example.com,user,,invalid,,,,\"email: duplicate email (ignoring case)"
                        + " 'ALICE@example.com' with other values on line 2 of users.csv (here username 'alice2',"
                        + " display_name 'Alice Again'); none of these rows is applied until they agree\",0",
                "users.csv,5,not-an-email,user,,invalid,,,,email: invalid email 'not-an-email': no @,0",
                "users.csv,6,bob@example.com,user,,invalid,,,,email: duplicate email (ignoring case)"
                        + " 'bob@example.com' (also on line 3 of users.csv),0");
    }

    private RunResult sync(String job, Path file) throws IOException {
        return runner.start(RunMode.SYNC, org.job(job.formatted(file)), null);
    }

    private Path memberships(String rows) throws IOException {
        return org.file("memberships.csv", "team,email,role\n" + rows);
    }

    private String teamRole(String email, String team) {
        return org.users().get(email).teamRoles().stream().filter(r -> r.teamName().equals(team))
                .map(TeamRole::roleName).findFirst().orElse(null);
    }
}
