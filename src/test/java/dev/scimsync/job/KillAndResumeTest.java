package dev.scimsync.job;

import dev.scimsync.emulator.EmulatorOptions;
import dev.scimsync.emulator.WandbEmulator;
import dev.scimsync.scim.ApiKey;
import dev.scimsync.scim.ScimClient;
import dev.scimsync.scim.ScimClientSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills a real scim-sync process (SIGKILL, as {@code kill -9}) in the middle of applying, resumes it in a new
 * process, and checks the target ends as an uninterrupted run would leave it, with nobody created twice.
 */
class KillAndResumeTest {

    private static final int USERS = 60;
    private static final String KEY_VARIABLE = "SCIM_SYNC_KILL_TEST_KEY";

    @TempDir
    Path dir;

    WandbEmulator emulator = WandbEmulator.start(EmulatorOptions.of("kill-test-key").withLatencyMs(30));

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void aRunKilledWhileApplyingResumesAndCreatesEveryoneExactlyOnce() throws Exception {
        StringBuilder rows = new StringBuilder("email,username,display_name,org_role\n");
        for (int i = 1; i <= USERS; i++) {
            rows.append("user").append(i).append("@example.com,user").append(i).append(",User ").append(i)
                    .append(i % 10 == 0 ? ",admin" : ",member").append('\n');
        }
        Files.writeString(dir.resolve("users.csv"), rows);
        StringBuilder members = new StringBuilder("team,email,role\n");
        for (int i = 1; i <= USERS; i++) {
            members.append(i % 2 == 0 ? "even" : "odd").append(",user").append(i).append("@example.com,")
                    .append(i % 5 == 0 ? "admin" : "").append('\n');
        }
        Files.writeString(dir.resolve("memberships.csv"), members);
        Files.writeString(dir.resolve("job.yml"), """
                target: { url: %s, auth: bearer, token-env: %s }
                inputs: { users: %s, memberships: %s }
                limits: { chunk-size: 4, concurrency: 2, requests-per-second: 0 }
                out: %s
                """.formatted(emulator.baseUrl(), KEY_VARIABLE, dir.resolve("users.csv"), dir.resolve("memberships.csv"),
                dir.resolve("reports")));

        Process first = scimSync("sync", dir.resolve("job.yml").toString());
        awaitCreates(15, first);
        first.destroyForcibly();
        assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
        long createdBeforeKill = creates();
        assertThat(createdBeforeKill).isLessThan(USERS);

        Process resumed = scimSync("resume");
        assertThat(resumed.waitFor(120, TimeUnit.SECONDS)).isTrue();

        String output = Files.readString(dir.resolve("resume.log"));
        assertThat(resumed.exitValue()).as(output).isEqualTo(ExitCodes.OK);
        assertThat(output).as("each membership row with its team created on the first").contains("created " + 2 * USERS);
        assertThat(creates()).as("60 users and 2 teams").isEqualTo(USERS + 2);
        assertThat(emulator.requests()).filteredOn(r -> r.method().equals("POST") && r.status() != 201)
                .as("no create was sent again and refused as a duplicate").isEmpty();
        assertThat(emulator.requests()).filteredOn(r -> r.method().equals("PATCH") && r.status() == 200
                        && r.body().contains("organizationRole"))
                .as("one organizationRole change per admin").hasSize(USERS / 10);
        try (ScimClient client = ScimClient.create(ScimClientSettings.builder(emulator.baseUrl(),
                ApiKey.of("kill-test-key")).build())) {
            Map<String, Integer> teams = new HashMap<>();
            client.forEachGroup(null, g -> teams.put(g.displayName(), g.memberIds().size()));
            assertThat(teams).containsOnly(Map.entry("even", USERS / 2), Map.entry("odd", USERS / 2));
            assertThat(countTeamAdmins(client)).isEqualTo(USERS / 5);
        }
    }

    @Test
    void killedAtSeveralRandomMomentsTheRunStillEndsAsAnUninterruptedOneWould() throws Exception {
        StringBuilder rows = new StringBuilder("email,username,org_role\n");
        for (int i = 1; i <= USERS; i++) {
            rows.append("u").append(i).append("@example.com,u").append(i).append(i % 7 == 0 ? ",viewer" : ",")
                    .append('\n');
        }
        Files.writeString(dir.resolve("users.csv"), rows);
        Files.writeString(dir.resolve("job.yml"), """
                target: { url: %s, auth: bearer, token-env: %s }
                inputs: { users: %s }
                limits: { chunk-size: 3, concurrency: 4, requests-per-second: 0 }
                out: %s
                """.formatted(emulator.baseUrl(), KEY_VARIABLE, dir.resolve("users.csv"), dir.resolve("reports")));
        java.util.Random random = new java.util.Random(20261128);
        Process run = scimSync("sync", dir.resolve("job.yml").toString());
        for (int kill = 1; kill <= 3; kill++) {
            long before = creates();
            long target = Math.min(USERS - 5, before + 3 + random.nextInt(12));
            awaitCreates(target, run);
            Thread.sleep(random.nextInt(40));
            run.destroyForcibly();
            assertThat(run.waitFor(10, TimeUnit.SECONDS)).isTrue();
            run = scimSync("resume");
        }
        assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(run.exitValue()).as(Files.readString(dir.resolve("resume.log"))).isEqualTo(ExitCodes.OK);
        assertThat(creates()).isEqualTo(USERS);
        try (ScimClient client = ScimClient.create(ScimClientSettings.builder(emulator.baseUrl(),
                ApiKey.of("kill-test-key")).build())) {
            Map<String, String> roles = new HashMap<>();
            client.forEachUser(null, u -> roles.put(u.userName(), u.organizationRole()));
            assertThat(roles).hasSize(USERS);
            assertThat(roles.values().stream().filter("viewer"::equals)).hasSize(USERS / 7);
        }
    }

    private static long countTeamAdmins(ScimClient client) {
        long[] admins = {0};
        client.forEachUser(null, u -> admins[0] += u.teamRoles().stream()
                .filter(r -> r.roleName().equals("admin")).count());
        return admins[0];
    }

    /** The state database both processes use. */
    String stateDbUrl() {
        return "jdbc:h2:file:" + dir.resolve("state") + ";WRITE_DELAY=0";
    }

    /** What else the processes need in their environment to open it. */
    Map<String, String> stateDbEnvironment() {
        return Map.of();
    }

    private long creates() {
        return emulator.requests().stream().filter(r -> r.method().equals("POST") && r.status() == 201).count();
    }

    private void awaitCreates(long count, Process process) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (creates() < count) {
            assertThat(process.isAlive()).as("the first run ended before it could be killed").isTrue();
            assertThat(System.nanoTime()).as("creates seen: " + creates()).isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private Process scimSync(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.scimsync.ScimSyncApplication"));
        command.addAll(List.of(args));
        command.add("--state-db=" + stateDbUrl());
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(new File(dir.toFile(), args[0] + ".log"));
        builder.environment().put(KEY_VARIABLE, "kill-test-key");
        builder.environment().putAll(stateDbEnvironment());
        return builder.start();
    }
}
