package dev.scimsync.job;

import dev.scimsync.state.TestPostgres;
import dev.scimsync.state.TestPostgresSchemas;
import org.junit.jupiter.api.BeforeAll;

import java.util.Map;

/**
 * The kill -9 test with the state in PostgreSQL (a fresh schema): both processes log in with credentials from
 * SPRING_DATASOURCE_USERNAME/PASSWORD, never from the command line. Skipped without a server.
 */
class KillAndResumeOnPostgresTest extends KillAndResumeTest {

    private String url;

    @BeforeAll
    static void needsPostgres() {
        TestPostgres.assumeAvailable();
    }

    @Override
    String stateDbUrl() {
        if (url == null) {
            url = TestPostgresSchemas.freshSchemaUrl("kill");
        }
        return url;
    }

    @Override
    Map<String, String> stateDbEnvironment() {
        return TestPostgres.childEnvironment();
    }
}
