package dev.scimsync.state;

import org.junit.jupiter.api.Assumptions;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.util.Map;

/**
 * The PostgreSQL server tests may use: {@code SCIM_SYNC_TEST_POSTGRES_URL} (a JDBC URL of a database the tests may
 * fill), with {@code SCIM_SYNC_TEST_POSTGRES_USER} and {@code SCIM_SYNC_TEST_POSTGRES_PASSWORD}. {@code .ci/run}
 * starts one and sets them; without them the PostgreSQL tests are skipped.
 */
public final class TestPostgres {

    public static final String URL = System.getenv("SCIM_SYNC_TEST_POSTGRES_URL");
    public static final String USER = System.getenv("SCIM_SYNC_TEST_POSTGRES_USER");
    public static final String PASSWORD = System.getenv("SCIM_SYNC_TEST_POSTGRES_PASSWORD");

    private TestPostgres() {
    }

    /** Skips the calling test (class) when no server is configured. */
    public static void assumeAvailable() {
        Assumptions.assumeTrue(URL != null && !URL.isBlank(),
                "SCIM_SYNC_TEST_POSTGRES_URL is not set: no PostgreSQL server to test against");
    }

    /** Points a Spring test context at the server. */
    public static void register(DynamicPropertyRegistry registry) {
        if (URL != null) {
            registry.add("spring.datasource.url", () -> URL);
            registry.add("spring.datasource.username", () -> USER);
            registry.add("spring.datasource.password", () -> PASSWORD == null ? "" : PASSWORD);
        }
    }

    /**
     * Lets a command line run in this JVM (picocli {@code execute()}) log in, as the environment does for a real
     * process; {@link #forgetCredentials()} after the test.
     */
    public static void credentialsForInProcessRuns() {
        System.setProperty("spring.datasource.username", USER == null ? "" : USER);
        System.setProperty("spring.datasource.password", PASSWORD == null ? "" : PASSWORD);
    }

    public static void forgetCredentials() {
        System.clearProperty("spring.datasource.username");
        System.clearProperty("spring.datasource.password");
    }

    /** The environment a child scim-sync process needs to log in: credentials never go on its command line. */
    public static Map<String, String> childEnvironment() {
        return Map.of("SPRING_DATASOURCE_USERNAME", USER == null ? "" : USER,
                "SPRING_DATASOURCE_PASSWORD", PASSWORD == null ? "" : PASSWORD);
    }
}
