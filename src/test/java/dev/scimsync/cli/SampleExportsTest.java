package dev.scimsync.cli;

import dev.scimsync.job.ExitCodes;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The realistic exports under samples/exports/, each with its job file, run through the command line like the
 * demo: against the built-in emulator's demo organisation (ops-admin, alice, bob and legacy active, carol not).
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SampleExportsTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            okta.yml            | 9 rows, 9 valid, 0 invalid | rows: 9 - created 3, reactivated 1, deactivated 1, unchanged 4, invalid 0, failed 0
            hr.yml              | 7 rows, 7 valid, 0 invalid | rows: 7 - created 2, reactivated 1, deactivated 1, unchanged 3, invalid 0, failed 0
            excel-semicolon.yml | 8 rows, 8 valid, 0 invalid | rows: 8 - created 3, unchanged 5, invalid 0, failed 0
            """)
    void eachSampleExportValidatesAndSyncsWithEveryRowApplied(String job, String validated, String synced) {
        Path jobFile = Path.of("samples/exports", job);

        Cli validate = Cli.run("validate", jobFile.toString());
        Cli sync = Cli.run("sync", jobFile.toString(), "--state-db", "jdbc:h2:file:" + dir.resolve("state"),
                "--out", dir.resolve("reports").toString());

        assertThat(validate.exitCode).as(validate.toString()).isEqualTo(ExitCodes.OK);
        assertThat(validate.out).contains(validated);
        assertThat(sync.exitCode).as(sync.toString()).isEqualTo(ExitCodes.OK);
        assertThat(sync.out).contains(synced, "exit 0: all in sync");
        assertThat(sync.err).doesNotContain("Exception");
    }
}
