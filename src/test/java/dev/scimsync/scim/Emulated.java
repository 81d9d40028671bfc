package dev.scimsync.scim;

import dev.scimsync.emulator.EmulatorDialect;
import dev.scimsync.emulator.EmulatorOptions;
import dev.scimsync.emulator.WandbEmulator;
import java.time.Duration;
import java.util.function.UnaryOperator;

/** A W&B emulator of one dialect and a client of the same dialect pointed at it, for contract tests. */
final class Emulated implements AutoCloseable {

    static final String TOKEN = "contract-test-key";

    final WandbEmulator emulator;
    final ScimClient client;

    private Emulated(WandbEmulator emulator, ScimClient client) {
        this.emulator = emulator;
        this.client = client;
    }

    static Emulated start(String dialect) {
        return start(dialect, options -> options, settings -> settings);
    }

    static Emulated start(String dialect, UnaryOperator<EmulatorOptions> options,
            UnaryOperator<ScimClientSettings.Builder> settings) {
        WandbEmulator emulator = WandbEmulator.start(
                options.apply(EmulatorOptions.of(TOKEN).withDialect(EmulatorDialect.parse(dialect))));
        try {
            return new Emulated(emulator, ScimClient.create(settings.apply(settings(emulator, dialect)).build()));
        } catch (RuntimeException e) {
            emulator.close();
            throw e;
        }
    }

    static ScimClientSettings.Builder settings(WandbEmulator emulator, String dialect) {
        return ScimClientSettings.builder(emulator.baseUrl(), ApiKey.of(TOKEN))
                .dialect(dialect)
                .backoff(Duration.ofMillis(10), Duration.ofMillis(100))
                .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(10));
    }

    ScimUser createUser(String userName) {
        return client.users().create(ScimUser.newUser(userName, "Name of " + userName, userName + "@example.com"));
    }

    ScimGroup createGroup(String name, ScimUser... members) {
        return client.groups().create(ScimGroup.newGroup(name,
                java.util.Arrays.stream(members).map(ScimUser::id).toList()));
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            emulator.close();
        }
    }
}
