package dev.scimsync.job;

import dev.scimsync.emulator.EmulatorOptions;
import dev.scimsync.emulator.RecordedRequest;
import dev.scimsync.scim.ScimClient;
import dev.scimsync.scim.ScimUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Full syncs, and re-runs that change nothing, against strict small servers: pages of seven resources whatever the
 * client asks for, and a server without filtering.
 */
@Timeout(300)
class LimitedScim2TargetTest extends JobTestSupport {

    private static final int PAGE = 7;
    private static final int NEW_USERS = 20;
    private static final int TEAMS = 10;

    private Path users;
    private Path members;

    private String inputs(EmulatedOrg org) throws IOException {
        StringBuilder userRows = new StringBuilder("email,username,display_name,org_role,active\n");
        StringBuilder memberRows = new StringBuilder("team,email,role\n");
        for (int i = 1; i <= NEW_USERS; i++) {
            userRows.append("user%02d@example.com,user%02d,User %d,,\n".formatted(i, i, i));
            memberRows.append("team%02d,user%02d@example.com,\n".formatted(i % TEAMS + 1, i));
        }
        users = org.file("users.csv", userRows.toString());
        members = org.file("memberships.csv", memberRows.toString());
        return "inputs: { users: " + users + ", memberships: " + members + " }\n";
    }

    private EmulatedOrg org(String name, Function<Path, EmulatedOrg> start) throws IOException {
        // a job name of its own per server: one server's runs are not the other's history
        Path orgDir = Files.createDirectories(dir.resolve(dir.getFileName() + "-" + name));
        EmulatedOrg org = start.apply(orgDir);
        secrets.key(org.key());
        return org;
    }

    @Test
    void pagesOfSevenAreWalkedToTheEndSoARerunWritesNothing() throws IOException {
        // scim2 names its page size in /ServiceProviderConfig, so the client asks for seven; the wandb dialect reads
        // no such thing, asks for its own page size and gets seven all the same
        record Server(String name, Function<Path, EmulatedOrg> start, String askedCount) {
        }
        List<Server> servers = List.of(
                new Server("scim2", d -> EmulatedOrg.scim2(d, o -> o.withMaxResults(PAGE)), "count=" + PAGE),
                new Server("wandb", d -> new EmulatedOrg(d, "key-1",
                        EmulatorOptions.of("key-1").withDemoOrg(true).withMaxResults(PAGE)), "count=9999"));
        for (Server server : servers) {
            try (EmulatedOrg org = org(server.name(), server.start())) {
                String job = inputs(org);

                RunResult first = runner.start(RunMode.SYNC, org.job(job), null);

                assertThat(first.exitCode()).as(server.name() + ": " + first.problem()).isEqualTo(ExitCodes.OK);
                assertThat(org.users()).as(server.name()).hasSize(NEW_USERS + 5);
                assertThat(org.teams().get("team10").memberIds()).as(server.name()).hasSize(NEW_USERS / TEAMS);
                org.emulator.resetCounts();

                RunResult second = runner.start(RunMode.SYNC, org.job(job), null);

                assertThat(second.exitCode()).as(server.name() + ": " + second.problem()).isEqualTo(ExitCodes.OK);
                assertThat(org.writes()).as(server.name() + ": a re-run with no change").isEmpty();
                List<String> userPages = org.emulator.requests().stream().map(RecordedRequest::pathAndQuery)
                        .filter(p -> p.startsWith("/scim/Users?")).toList();
                assertThat(userPages).as(server.name()).hasSizeGreaterThanOrEqualTo((NEW_USERS + 5 + PAGE - 1) / PAGE)
                        .allMatch(p -> p.contains(server.askedCount()))
                        .anyMatch(p -> p.contains("startIndex=22"));
                assertThat(org.emulator.requests().stream().map(RecordedRequest::pathAndQuery)
                        .filter(p -> p.startsWith("/scim/Groups?"))).as(server.name() + ": eleven teams, two pages")
                        .hasSizeGreaterThanOrEqualTo(2);
            }
        }
    }

    @Test
    void withoutFilteringAFullSyncAndARerunWorkAndAConflictIsResolvedByListing() throws IOException {
        try (EmulatedOrg org = org("nofilter", d -> EmulatedOrg.scim2(d, o -> o.withFilterSupported(false)
                .withMaxResults(PAGE)))) {
            String job = inputs(org);

            RunResult first = runner.start(RunMode.SYNC, org.job(job), null);
            org.emulator.resetCounts();
            RunResult second = runner.start(RunMode.SYNC, org.job(job), null);

            assertThat(first.exitCode()).as(String.valueOf(first.problem())).isEqualTo(ExitCodes.OK);
            assertThat(org.users()).hasSize(NEW_USERS + 5);
            assertThat(second.exitCode()).as(String.valueOf(second.problem())).isEqualTo(ExitCodes.OK);
            assertThat(org.writes()).as("a re-run with no change").isEmpty();

            // between plan and apply someone else creates one planned user and takes another's userName: both
            // creates meet a 409, and the look-ups that follow must work without a filter
            Files.writeString(users, "dana@example.com,dana,Dana,,\nerin@example.com,erin,Erin,,\n",
                    StandardOpenOption.APPEND);
            RunResult plan = runner.start(RunMode.PLAN, org.job(job), null);
            assertThat(plan.exitCode()).as(String.valueOf(plan.problem())).isEqualTo(ExitCodes.OK);
            String dana;
            try (ScimClient client = org.client()) {
                dana = client.users().create(ScimUser.newUser("dana", "Dana", "dana@example.com")).id();
                client.users().create(ScimUser.newUser("erin", "Erin Other", "erin@elsewhere.example.com"));
            }
            org.emulator.resetCounts();

            RunResult apply = runner.start(RunMode.APPLY, org.job(job), plan.run().runId());

            assertThat(apply.exitCode()).as(String.valueOf(apply.problem())).isEqualTo(ExitCodes.FAILURES);
            assertThat(Files.readAllLines(apply.outDir().resolve("results.csv")))
                    .anyMatch(l -> l.contains("dana@example.com") && l.contains(dana) && l.contains("linked"))
                    .anyMatch(l -> l.contains("erin@example.com")
                            && l.contains("userName 'erin' belongs to another user (erin@elsewhere.example.com)"));
            assertThat(org.emulator.requests()).as("no filter was sent to a server that has none")
                    .noneMatch(r -> r.pathAndQuery().contains("filter="));
        }
    }
}
