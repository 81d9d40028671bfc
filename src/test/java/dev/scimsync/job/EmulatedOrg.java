package dev.scimsync.job;

import dev.scimsync.config.JobConfig;
import dev.scimsync.config.JobFiles;
import dev.scimsync.config.Overrides;
import dev.scimsync.emulator.EmulatorDialect;
import dev.scimsync.emulator.EmulatorOptions;
import dev.scimsync.emulator.RecordedRequest;
import dev.scimsync.emulator.WandbEmulator;
import dev.scimsync.scim.ApiKey;
import dev.scimsync.scim.ScimClient;
import dev.scimsync.scim.ScimClientSettings;
import dev.scimsync.scim.ScimGroup;
import dev.scimsync.scim.ScimRole;
import dev.scimsync.scim.ScimUser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A W&B emulator holding the demo organisation, job files pointing at it, and views of what it holds, for tests
 * that run the sync job against a real HTTP target.
 */
final class EmulatedOrg implements AutoCloseable {

    static final String KEY_VARIABLE = "TEST_SCIM_KEY";

    final WandbEmulator emulator;
    final Path dir;
    private volatile String key;
    private final String dialect;
    /** target.user-delete as the job files say it, or null to leave it to the dialect. */
    private final String userDelete;

    EmulatedOrg(Path dir, String key, EmulatorOptions options) {
        this(dir, key, options, "wandb");
    }

    private EmulatedOrg(Path dir, String key, EmulatorOptions options, String dialect) {
        this(dir, key, options, dialect, null);
    }

    private EmulatedOrg(Path dir, String key, EmulatorOptions options, String dialect, String userDelete) {
        this.dir = dir;
        this.key = key;
        this.dialect = dialect;
        this.userDelete = userDelete;
        this.emulator = WandbEmulator.start(options);
    }

    static EmulatedOrg demo(Path dir) {
        return new EmulatedOrg(dir, "key-1", EmulatorOptions.of("key-1").withDemoOrg(true));
    }

    /** The demo organisation behind a plain RFC 7644 service provider (the emulator's scim2 mode). */
    static EmulatedOrg scim2(Path dir) {
        return scim2(dir, options -> options);
    }

    /** The scim2 demo organisation on a server shaped by {@code options} (page size, filtering...). */
    static EmulatedOrg scim2(Path dir, UnaryOperator<EmulatorOptions> options) {
        return new EmulatedOrg(dir, "key-1", options.apply(EmulatorOptions.of("key-1").withDemoOrg(true)
                .withDialect(EmulatorDialect.SCIM2)), "scim2");
    }

    /**
     * The demo organisation in {@code dialect} on a server whose {@code DELETE /Users/{id}} does what {@code
     * userDelete} says ({@code deactivates} or {@code removes}), and job files that tell the tool so; shaped further
     * by {@code options}.
     */
    static EmulatedOrg demo(Path dir, String dialect, String userDelete, UnaryOperator<EmulatorOptions> options) {
        return new EmulatedOrg(dir, "key-1", options.apply(EmulatorOptions.of("key-1").withDemoOrg(true)
                .withDialect(EmulatorDialect.parse(dialect)).withUserDeleteRemoves("removes".equals(userDelete))),
                dialect, userDelete);
    }

    /** The key the emulator accepts now. */
    String key() {
        return key;
    }

    /** Revokes the key: the emulator accepts only {@code newKey} from now on, and so do the views below. */
    void changeKey(String newKey) {
        emulator.changeToken(newKey);
        key = newKey;
    }

    Path file(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    /** A job file for the emulator with the given sections (inputs, policy, limits...). */
    JobConfig job(String sections) throws IOException {
        return job(sections, emulator.baseUrl());
    }

    /** A job file for the emulator reached at {@code url} (through a proxy) with the given sections. */
    JobConfig job(String sections, String url) throws IOException {
        Path job = dir.resolve("job.yml");
        // one job name per test: runs of other tests in the shared state database are not this job's history
        Files.writeString(job, """
                name: %s
                target: { url: %s, dialect: %s, auth: bearer, token-env: %s%s }
                out: %s
                """.formatted(dir.getFileName(), url, dialect, KEY_VARIABLE,
                userDelete == null ? "" : ", user-delete: " + userDelete, dir.resolve("reports"))
                + sections);
        return JobFiles.load(job, Overrides.none());
    }

    ScimClient client() {
        return ScimClient.create(ScimClientSettings.builder(emulator.baseUrl(), ApiKey.of(key)).dialect(dialect)
                .build());
    }

    Map<String, ScimUser> users() {
        try (ScimClient client = client()) {
            Map<String, ScimUser> users = new HashMap<>();
            client.forEachUser(null, u -> users.put(u.primaryEmail().orElseThrow().toLowerCase(), u));
            return users;
        }
    }

    Map<String, ScimGroup> teams() {
        try (ScimClient client = client()) {
            Map<String, ScimGroup> teams = new HashMap<>();
            client.forEachGroup(null, g -> teams.put(g.displayName(), g));
            return teams;
        }
    }

    Map<String, ScimRole> roles() {
        try (ScimClient client = client()) {
            Map<String, ScimRole> roles = new HashMap<>();
            client.forEachRole(null, r -> roles.put(r.name(), r));
            return roles;
        }
    }

    /** Write requests (not GETs) since the last reset. */
    List<RecordedRequest> writes() {
        return emulator.requests().stream().filter(r -> !r.method().equals("GET")).toList();
    }

    @Override
    public void close() {
        emulator.close();
    }
}
