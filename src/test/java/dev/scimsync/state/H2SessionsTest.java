package dev.scimsync.state;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class H2SessionsTest {

    private final H2Sessions sessions = new H2Sessions();

    @Test
    void everyConnectionToAnH2DatabaseReadsLazily() {
        HikariDataSource h2 = pool("jdbc:h2:file:./.scim-sync/state;WRITE_DELAY=0");

        sessions.postProcessBeforeInitialization(h2, "dataSource");

        assertThat(h2.getConnectionInitSql()).isEqualTo(H2Sessions.LAZY);
    }

    @Test
    void otherDatabasesAndAGivenInitStatementAreLeftAlone() {
        HikariDataSource postgres = pool("jdbc:postgresql://db/scimsync");
        HikariDataSource ownInit = pool("jdbc:h2:mem:x");
        ownInit.setConnectionInitSql("SET TRACE_LEVEL_SYSTEM_OUT 0");

        sessions.postProcessBeforeInitialization(postgres, "dataSource");
        sessions.postProcessBeforeInitialization(ownInit, "dataSource");

        assertThat(postgres.getConnectionInitSql()).isNull();
        assertThat(ownInit.getConnectionInitSql()).isEqualTo("SET TRACE_LEVEL_SYSTEM_OUT 0");
    }

    private static HikariDataSource pool(String url) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        return pool;
    }
}
