package dev.scimsync.scim;

import java.time.Duration;

/** Settings for tests: short backoff so retries do not slow the suite down. */
final class ScimTestClients {

    static final ApiKey KEY = ApiKey.of("test-key-123");

    private ScimTestClients() {
    }

    static ScimClientSettings.Builder settings(String baseUrl) {
        return ScimClientSettings.builder(baseUrl, KEY)
                .backoff(Duration.ofMillis(10), Duration.ofMillis(50))
                .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5));
    }

    static ScimClient client(String baseUrl) {
        return ScimClient.create(settings(baseUrl).build());
    }
}
