package dev.scimsync.job;

import dev.scimsync.emulator.RecordedRequest;
import dev.scimsync.scim.ScimClient;
import dev.scimsync.scim.ScimGroup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code policy.absent-teams: delete} against the emulator's demo organisation: only teams the job owns go, last,
 * within {@code max-removals}, never a protected one; a target without {@code DELETE /Groups} is told once.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class TeamRemovalsTest extends DemoOrgJobTest {

    private static final String DELETE = """
            inputs: { teams: %s }
            policy: { absent-teams: delete, max-removals: 100%%, max-row-drop: 100%% }
            """;

    @Test
    void anOwnedTeamNoInputListsIsDeletedLastAndOneNeverManagedIsOnlyReported() throws IOException {
        try (ScimClient client = org.client()) {
            client.groups().create(ScimGroup.newGroup("handmade", List.of()));
        }
        assertThat(sync(DELETE, teams("research", "platform")).exitCode()).isEqualTo(ExitCodes.OK);
        String research = org.teams().get("research").id();
        org.emulator.resetCounts();

        RunResult plan = runner.start(RunMode.PLAN, org.job(DELETE.formatted(teams("platform", "newteam"))), null);
        List<String> planned = Files.readAllLines(plan.outDir().resolve("plan.csv"));
        assertThat(planned.get(planned.size() - 1)).contains("delete team,research,");
        assertThat(planned).filteredOn(l -> l.contains("create team")).hasSize(1);
        RunResult applied = runner.start(RunMode.APPLY, org.job(DELETE.formatted(teams("platform", "newteam"))),
                plan.run().runId());

        assertThat(applied.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(org.teams()).containsOnlyKeys("platform", "newteam", "handmade");
        assertThat(org.writes()).extracting(r -> r.method() + " " + r.pathAndQuery())
                .containsExactly("POST /scim/Groups", "DELETE /scim/Groups/" + research);
        assertThat(Files.readAllLines(applied.outDir().resolve("results.csv")))
                .anyMatch(l -> l.contains(",research,team,delete team (absent),deleted,"));
        assertThat(Files.readAllLines(applied.outDir().resolve("drift.csv")))
                .anyMatch(l -> l.startsWith("team,research,") && l.contains("absent-teams: delete,deleted"))
                .anyMatch(l -> l.startsWith("team,handmade,") && l.contains("absent-teams: delete,reported"));
        org.emulator.resetCounts();

        assertThat(sync(DELETE, teams("platform", "newteam")).exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(org.writes()).as("a re-run").isEmpty();
    }

    @Test
    void aTeamMembershipsNameIsOwnedAndUnderReportNothingIsDeleted() throws IOException {
        Path members = org.file("memberships.csv", "team,email,role\nsquad,alice@example.com,\n");
        sync("inputs: { memberships: %s }\n", members);
        org.emulator.resetCounts();

        RunResult reported = sync("inputs: { teams: %s }\npolicy: { max-removals: 100%%, max-row-drop: 100%% }\n", teams("research"));
        assertThat(org.writes()).as("absent-teams: report, the default").isEmpty();
        assertThat(Files.readAllLines(reported.outDir().resolve("drift.csv")))
                .anyMatch(l -> l.startsWith("team,squad,") && l.contains("absent-teams: report,reported"));

        assertThat(sync(DELETE, teams("research")).exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(org.teams()).containsOnlyKeys("research");
    }

    @Test
    void theRemovalLimitHoldsEveryTeamDeletionBackUntilARunAllowsThem() throws IOException {
        sync(DELETE, teams("research", "t1", "t2", "t3"));
        org.emulator.resetCounts();
        String limited = """
                inputs: { teams: %s }
                policy: { absent-teams: delete, max-removals: 1, max-row-drop: 100%% }
                """;

        RunResult held = sync(limited, teams("research"));

        assertThat(held.exitCode()).isEqualTo(ExitCodes.SAFETY_STOP);
        assertThat(org.writes()).isEmpty();
        assertThat(Files.readAllLines(held.outDir().resolve("blocked.csv")))
                .filteredOn(l -> l.startsWith("delete team,")).hasSize(3)
                .allMatch(l -> l.contains("3 team deletions planned, policy.max-removals 1"));

        RunResult allowed = runner.start(RunMode.SYNC, org.job(limited.formatted(teams("research"))), null, 3L);

        assertThat(allowed.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(org.teams()).containsOnlyKeys("research");
        assertThat(org.writes()).hasSize(3).allMatch(r -> r.method().equals("DELETE"));
    }

    @Test
    void aProtectedTeamIsNeverDeletedAndDriftSaysWhy() throws IOException {
        sync(DELETE, teams("research", "keep", "go"));
        org.emulator.resetCounts();

        RunResult result = sync("""
                inputs: { teams: %s }
                policy: { absent-teams: delete, max-removals: 100%%, protected-teams: [KEEP],
                          max-row-drop: 100%% }
                """, teams("research"));

        assertThat(org.teams()).containsOnlyKeys("research", "keep");
        assertThat(org.writes()).singleElement().satisfies(r -> assertThat(r.method()).isEqualTo("DELETE"));
        // kept like a protected user no input lists: a decision of the job file, not one a person is asked for
        assertThat(result.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readAllLines(result.outDir().resolve("plan.csv"))).noneMatch(l -> l.contains("keep"));
        assertThat(Files.readAllLines(result.outDir().resolve("drift.csv")))
                .anyMatch(l -> l.startsWith("team,keep,") && l.contains("protected-teams,kept (protected team)"));
    }

    @Test
    void aTargetWithoutTeamDeleteIsAskedOnceAndItsRefusalIsNoErrorRate() throws IOException {
        org.close();
        org = EmulatedOrg.demo(dir, "wandb", null, options -> options.withTeamDeleteSupported(false));
        secrets.key(org.key());
        String[] many = IntStream.rangeClosed(1, 60).mapToObj(i -> "team-" + i).toArray(String[]::new);
        sync(DELETE, teams(many));
        org.emulator.resetCounts();

        RunResult result = sync("""
                inputs: { teams: %s }
                policy: { absent-teams: delete, max-removals: 100%%, max-row-drop: 100%% }
                limits: { max-error-rate: 0.01 }
                """, teams("research"));

        assertThat(result.exitCode()).as("finished, not aborted").isEqualTo(ExitCodes.FAILURES);
        assertThat(org.writes()).extracting(RecordedRequest::method).containsExactly("DELETE");
        assertThat(org.teams()).hasSize(61);
        assertThat(Files.readAllLines(result.outDir().resolve("results.csv")))
                .filteredOn(l -> l.contains("delete team (absent),failed,"))
                .hasSize(60).allMatch(l -> l.contains("team deletion not supported by this target"));
        assertThat(Files.readAllLines(result.outDir().resolve("drift.csv")))
                .filteredOn(l -> l.startsWith("team,team-"))
                .hasSize(60).allMatch(l -> l.contains(",team deletion not supported by this target,"));
    }

    private RunResult sync(String job, Path file) throws IOException {
        return runner.start(RunMode.SYNC, org.job(job.formatted(file)), null);
    }

    private Path teams(String... names) throws IOException {
        return org.file("teams.csv", "team\n" + List.of(names).stream().collect(Collectors.joining("\n")) + "\n");
    }
}
