package dev.scimsync.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(10)
class StateDbErrorsTest {

    private static final Path CWD = Path.of("").toAbsolutePath();
    private static final Path HOME = Path.of(System.getProperty("user.home"));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "jdbc:h2:file:./.scim-sync/state;WRITE_DELAY=0 | CWD | .scim-sync/state",
            "jdbc:h2:./a/../b/state                         | CWD | b/state",
            "jdbc:h2:file:/srv/sync/./state;MODE=PostgreSQL | /   | srv/sync/state",
            "jdbc:h2:~/scim/state                           | HOME | scim/state",
            "jdbc:h2:file:~/state                           | HOME | state"})
    void anH2FileIsShownAbsoluteAndNormalised(String url, String base, String rest) {
        Path expected = switch (base) {
            case "CWD" -> CWD.resolve(rest);
            case "HOME" -> HOME.resolve(rest);
            default -> Path.of(base).resolve(rest);
        };

        assertThat(StateDbErrors.h2File(url)).isEqualTo(expected.normalize()).isAbsolute();
    }

    @ParameterizedTest
    @CsvSource({"jdbc:h2:mem:state", "jdbc:h2:tcp://db:9092/state", "jdbc:postgresql://db:5432/scimsync"})
    void aDatabaseThatIsNoLocalFileHasNoPath(String url) {
        assertThat(StateDbErrors.h2File(url)).isNull();
    }

    @Test
    void aLockedH2FileIsOneLineNamingTheFileAndOtherFailuresTheirCause() {
        RuntimeException locked = new IllegalStateException("Failed to determine DatabaseDriver",
                new SQLException("Database may be already in use: \"/x/state.mv.db\". Possible solutions: ..."));
        RuntimeException refused = new IllegalStateException("context failed",
                new SQLException("Connection to 127.0.0.1:1 refused.\nCheck that the hostname and port are correct"));

        assertThat(StateDbErrors.explain(locked, "jdbc:h2:file:/srv/sync/state")).isEqualTo(
                "another scim-sync run is using the state database /srv/sync/state (H2 allows one process at a time);"
                        + " try again when it has finished");
        assertThat(StateDbErrors.explain(refused, "jdbc:postgresql://127.0.0.1:1/x"))
                .isEqualTo("cannot open the state database: Connection to 127.0.0.1:1 refused.");
        assertThat(StateDbErrors.isExpected(refused)).isTrue();
        assertThat(StateDbErrors.isExpected(new IllegalStateException("a bean cannot be built"))).isFalse();
    }
}
