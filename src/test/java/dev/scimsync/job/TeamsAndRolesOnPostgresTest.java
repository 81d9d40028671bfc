package dev.scimsync.job;

import dev.scimsync.state.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The same runs with the job repository and the staging tables in PostgreSQL (skipped without a server). */
class TeamsAndRolesOnPostgresTest extends TeamsAndRolesTest {

    @BeforeAll
    static void needsPostgres() {
        TestPostgres.assumeAvailable();
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        TestPostgres.register(registry);
    }
}
