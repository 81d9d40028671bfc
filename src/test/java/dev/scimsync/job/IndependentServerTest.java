package dev.scimsync.job;

import dev.scimsync.config.JobConfig;
import dev.scimsync.config.JobFiles;
import dev.scimsync.config.Overrides;
import dev.scimsync.scim.ApiKey;
import dev.scimsync.scim.ScimClient;
import dev.scimsync.scim.ScimClientSettings;
import dev.scimsync.scim.ScimGroup;
import dev.scimsync.scim.ScimUser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sync against a SCIM 2.0 server this project did not write, through a proxy that records every request: users
 * created, groups created with members, a member added and one removed by {@code members[value eq "id"]}, a second
 * run sending nothing, then ten users gone from the export under {@code absent-users: deactivate}: exactly ten
 * PATCH {@code active:false} and no DELETE. Lists page in pages smaller than the client asks for.
 */
abstract class IndependentServerTest extends JobTestSupport {

    static final String TOKEN = "interop-token-1";
    private static final int USERS = 30;

    /** Starts the server; returns its SCIM base URL. Closed after the test. */
    abstract String startServer() throws Exception;

    abstract void stopServer() throws Exception;

    @AfterEach
    void stop() throws Exception {
        stopServer();
    }

    @Test
    void aFullSyncThenNothingThenTenUsersGoneAreDeactivatedWithPatchesNeverDeleted() throws Exception {
        secrets.key(TOKEN);
        try (RecordingProxy proxy = new RecordingProxy(startServer())) {
            List<String> emails = IntStream.rangeClosed(1, USERS).mapToObj(i -> "user%02d@example.com".formatted(i))
                    .toList();
            Path users = write("users.csv", emails, 0);
            Path members = write("memberships.csv", "team,email,role\n"
                    + "research,user01@example.com,admin\nresearch,user02@example.com,\nresearch,user03@example.com,\n"
                    + "platform,user04@example.com,\nplatform,user05@example.com,\n");

            RunResult first = runner.start(RunMode.SYNC, job(proxy.baseUrl(), users, members), null);

            assertThat(first.exitCode()).as(String.valueOf(first.problem())).isEqualTo(ExitCodes.OK);
            Map<String, ScimUser> created = users(proxy.baseUrl());
            assertThat(created).hasSize(USERS);
            assertThat(created.values()).allMatch(ScimUser::activeOrDefault);
            Map<String, ScimGroup> groups = groups(proxy.baseUrl());
            assertThat(groups.get("research").memberIds()).containsExactlyInAnyOrder(ids(created, 1, 2, 3));
            assertThat(groups.get("platform").memberIds()).containsExactlyInAnyOrder(ids(created, 4, 5));
            assertThat(proxy.writes()).filteredOn(r -> r.method().equals("POST")).hasSize(USERS + 2)
                    .allMatch(r -> r.status() == 201);
            assertThat(proxy.writes()).as("only RFC 7643 core attributes, every write accepted")
                    .allMatch(r -> r.status() < 300)
                    .noneMatch(r -> r.body().contains("organizationRole") || r.body().contains("teamRoles"));
            assertThat(first.notes()).anySatisfy(n -> assertThat(n).startsWith("users.csv column org_role: 1 value"));
            assertThat(proxy.exchanges()).as("lists paged in pages smaller than asked for")
                    .filteredOn(r -> r.method().equals("GET") && r.path().contains("/Users?")
                            && r.path().contains("startIndex=8")).isNotEmpty();
            proxy.reset();

            RunResult second = runner.start(RunMode.SYNC, job(proxy.baseUrl(), users, members), null);

            assertThat(second.exitCode()).as(String.valueOf(second.problem())).isEqualTo(ExitCodes.OK);
            assertThat(proxy.writes()).as("a second run sends no write").isEmpty();
            proxy.reset();

            Path moved = write("memberships.csv", "team,email,role\n"
                    + "research,user01@example.com,admin\nresearch,user02@example.com,\nresearch,user06@example.com,\n"
                    + "platform,user04@example.com,\nplatform,user05@example.com,\n");
            RunResult third = runner.start(RunMode.SYNC, job(proxy.baseUrl(), users, moved), null);

            assertThat(third.exitCode()).as(String.valueOf(third.problem())).isEqualTo(ExitCodes.OK);
            String researchId = groups.get("research").id();
            assertThat(proxy.writes()).hasSize(2).allMatch(r -> r.method().equals("PATCH")
                    && r.path().endsWith("/Groups/" + researchId) && r.status() < 300);
            assertThat(proxy.writes()).anySatisfy(r -> assertThat(r.body())
                    .contains("members[value eq \\\"" + created.get("user03@example.com").id() + "\\\"]"));
            assertThat(groups(proxy.baseUrl()).get("research").memberIds())
                    .containsExactlyInAnyOrder(ids(created, 1, 2, 6));
            proxy.reset();

            Path fewer = write("users.csv", emails, 10);
            RunResult fourth = runner.start(RunMode.SYNC, job(proxy.baseUrl(), fewer, moved), null);

            assertThat(fourth.exitCode()).as(String.valueOf(fourth.problem())).isEqualTo(ExitCodes.OK);
            assertThat(proxy.exchanges()).noneMatch(r -> r.method().equals("DELETE"));
            assertThat(proxy.writes()).as("exactly ten deactivations").hasSize(10).allSatisfy(r -> {
                assertThat(r.method()).isEqualTo("PATCH");
                assertThat(r.path()).contains("/Users/");
                assertThat(r.body()).contains("\"active\"").contains("false");
                assertThat(r.status()).isLessThan(300);
            });
            Map<String, ScimUser> after = users(proxy.baseUrl());
            assertThat(after).hasSize(USERS);
            assertThat(after.values().stream().filter(u -> !u.activeOrDefault()).map(u -> u.primaryEmail().orElseThrow())
                    .collect(Collectors.toSet())).containsExactlyInAnyOrderElementsOf(emails.subList(USERS - 10, USERS));
            proxy.reset();

            assertThat(runner.start(RunMode.SYNC, job(proxy.baseUrl(), fewer, moved), null).exitCode())
                    .isEqualTo(ExitCodes.OK);
            assertThat(proxy.writes()).as("and then nothing again").isEmpty();
        }
    }

    private static String[] ids(Map<String, ScimUser> users, int... numbers) {
        return IntStream.of(numbers).mapToObj(i -> users.get("user%02d@example.com".formatted(i)).id())
                .toArray(String[]::new);
    }

    /** users.csv with every email but the last {@code leaveOut}; the first user has an org role. */
    private Path write(String name, List<String> emails, int leaveOut) throws IOException {
        StringBuilder csv = new StringBuilder("email,username,display_name,org_role,active\n");
        for (int i = 0; i < emails.size() - leaveOut; i++) {
            String email = emails.get(i);
            String user = email.substring(0, email.indexOf('@'));
            csv.append(email).append(',').append(user).append(",User ").append(i + 1).append(',')
                    .append(i == 0 ? "admin" : "").append(",\n");
        }
        return write(name, csv.toString());
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    private JobConfig job(String url, Path users, Path members) throws IOException {
        Path job = dir.resolve("job.yml");
        Files.writeString(job, """
                name: %s
                target: { url: %s, dialect: scim2, auth: bearer, token-env: %s }
                out: %s
                inputs: { users: %s, memberships: %s }
                policy: { absent-users: deactivate, absent-members: remove, max-removals: 10 }
                """.formatted("interop-" + dir.getFileName(), url, EmulatedOrg.KEY_VARIABLE, dir.resolve("reports"),
                users, members));
        return JobFiles.load(job, Overrides.none());
    }

    private static ScimClient client(String url) {
        return ScimClient.create(ScimClientSettings.builder(url, ApiKey.of(TOKEN)).dialect("scim2").build());
    }

    private static Map<String, ScimUser> users(String url) {
        try (ScimClient client = client(url)) {
            Map<String, ScimUser> users = new HashMap<>();
            client.forEachUser(null, u -> users.put(u.primaryEmail().orElseThrow().toLowerCase(), u));
            return users;
        }
    }

    private static Map<String, ScimGroup> groups(String url) {
        try (ScimClient client = client(url)) {
            Map<String, ScimGroup> groups = new HashMap<>();
            client.forEachGroup(null, g -> groups.put(g.displayName(), g));
            return groups;
        }
    }
}
