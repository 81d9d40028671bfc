package dev.scimsync.job;

import dev.scimsync.scim.ScimGroup;
import dev.scimsync.scim.ScimUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A create is a create: when the request that follows a successful create fails (the org role set on a new user, a
 * team role set on a new team's member), the object stays recorded as created with its id, the follow-up as failed;
 * what needs the object goes ahead, and a re-run does not create it again.
 */
class FollowUpFailureTest extends DemoOrgJobTest {

    private RecordingProxy proxy;

    @BeforeEach
    void startProxy() throws IOException {
        proxy = new RecordingProxy(org.emulator.baseUrl());
    }

    @AfterEach
    void stopProxy() {
        proxy.close();
    }

    @Test
    void aUserWhoseOrgRoleIsRefusedIsCreatedAndItsMembershipsGoAhead() throws IOException {
        proxy.fail(r -> r.method().equals("PATCH") && r.path().contains("/Users/")
                && r.body().contains("organizationRole"), 400, "invalidPath", "organizationRole is not known here");
        Path users = org.file("users.csv", """
                email,username,display_name,org_role,active
                dave@example.com,dave,Dave New,admin,
                erin@example.com,erin,Erin New,viewer,
                """);
        Path members = org.file("memberships.csv", "team,email,role\nresearch,dave@example.com,\n");
        String job = "inputs: { users: %s, memberships: %s }\n".formatted(users, members);

        RunResult first = runner.start(RunMode.SYNC, org.job(job, proxy.baseUrl()), null);

        assertThat(first.exitCode()).as(String.valueOf(first.problem())).isEqualTo(ExitCodes.FAILURES);
        Map<String, ScimUser> created = org.users();
        String dave = created.get("dave@example.com").id();
        assertThat(created.get("erin@example.com").active()).isTrue();
        assertThat(org.teams().get("research").memberIds()).as("the membership needing dave went ahead")
                .contains(dave);
        List<String> results = Files.readAllLines(first.outDir().resolve("results.csv"));
        assertThat(results).filteredOn(l -> l.contains("dave@example.com") && l.startsWith(users.toString()))
                .as("the row shows the follow-up that failed, on the user created with its id").singleElement()
                .satisfies(l -> assertThat(l).contains(",update,failed," + dave + ",400,invalidPath,")
                        .contains("the user was created (" + dave + "), then setting organizationRole failed"));
        assertThat(results).filteredOn(l -> l.contains("research/dave@example.com")).singleElement()
                .satisfies(l -> assertThat(l).contains(",add member,created,"));
        assertThat(proxy.writes()).filteredOn(r -> r.method().equals("POST")).hasSize(2);
        proxy.clearFaults();
        proxy.reset();

        RunResult second = runner.start(RunMode.SYNC, org.job(job, proxy.baseUrl()), null);

        assertThat(second.exitCode()).as(String.valueOf(second.problem())).isEqualTo(ExitCodes.OK);
        assertThat(proxy.writes()).as("no user created again: only the two org roles are set")
                .noneMatch(r -> r.method().equals("POST"))
                .hasSize(2).allMatch(r -> r.method().equals("PATCH") && r.body().contains("organizationRole"));
        assertThat(org.users().get("dave@example.com").organizationRole()).isEqualTo("admin");
        assertThat(org.users().get("dave@example.com").id()).isEqualTo(dave);
    }

    @Test
    void aNewTeamWhoseMemberPatchFailsIsCreatedOnceWithItsMembers() throws IOException {
        proxy.fail(r -> r.method().equals("PATCH") && r.path().contains("/Users/") && r.body().contains("teamRoles"),
                400, "invalidValue", "team roles are not accepted now");
        Path members = org.file("memberships.csv", """
                team,email,role
                vision,ops-admin@example.com,
                vision,alice@example.com,admin
                """);
        String job = "inputs: { memberships: %s }\n".formatted(members);

        RunResult first = runner.start(RunMode.SYNC, org.job(job, proxy.baseUrl()), null);

        assertThat(first.exitCode()).as(String.valueOf(first.problem())).isEqualTo(ExitCodes.FAILURES);
        Map<String, ScimUser> users = org.users();
        ScimGroup vision = org.teams().get("vision");
        assertThat(vision.memberIds()).containsExactlyInAnyOrder(users.get("ops-admin@example.com").id(),
                users.get("alice@example.com").id());
        List<String> results = Files.readAllLines(first.outDir().resolve("results.csv"));
        assertThat(results).filteredOn(l -> l.contains("vision/alice@example.com")).singleElement()
                .satisfies(l -> assertThat(l).contains(",set team role,failed,"));
        assertThat(results).filteredOn(l -> l.contains("vision/ops-admin@example.com")).singleElement()
                .satisfies(l -> assertThat(l).contains(",created," + vision.id()));
        assertThat(proxy.writes()).filteredOn(r -> r.method().equals("POST")).hasSize(1);
        proxy.clearFaults();
        proxy.reset();

        RunResult second = runner.start(RunMode.SYNC, org.job(job, proxy.baseUrl()), null);

        assertThat(second.exitCode()).as(String.valueOf(second.problem())).isEqualTo(ExitCodes.OK);
        assertThat(proxy.writes()).as("the team is not created again; only the team role is set").singleElement()
                .satisfies(r -> assertThat(r.body()).contains("teamRoles"));
        assertThat(org.teams().get("vision").id()).isEqualTo(vision.id());
    }
}
