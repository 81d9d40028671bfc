package dev.scimsync.cli;

import dev.scimsync.emulator.EmulatorOptions;
import dev.scimsync.emulator.WandbEmulator;
import dev.scimsync.job.ExitCodes;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The corpus under samples/broken/: each file gets a clear message naming the file by its absolute path (and the
 * line where there is one), never a stack trace; a file that cannot be used is rejected whole (exit 5), bad rows are reported (exit 1).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class BrokenFilesTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unterminated-quote.csv  | 5 | line 2     | never closed
            duplicate-headers.csv   | 5 | line 1     | duplicate
            utf16.csv               | 5 | utf16.csv  | UTF-16
            latin1.csv              | 5 | line 3     | not valid UTF-8
            binary-garbage.csv      | 5 | line       | NUL
            wrong-column-count.csv  | 1 | line 4     | expected 5 fields, found 6
            huge-field.csv          | 1 | line 2     | characters long
            case-duplicates.csv     | 1 | line 3     | duplicate email
            bom.csv                 | 0 | 1 rows     | 1 valid
            mixed-line-endings.csv  | 0 | 3 rows     | 3 valid
            formula-cells.csv       | 0 | 3 rows     | 3 valid
            unicode-and-spaces.csv  | 0 | 2 rows     | 2 valid
            """)
    void eachBrokenFileGetsAClearMessageAndNoStackTrace(String file, int exitCode, String where, String what)
            throws IOException {
        Path input = Path.of("samples/broken").resolve(file);
        Path job = dir.resolve("job.yml");
        Files.writeString(job, "target: { url: embedded }\ninputs: { users: " + input + " }\n");

        Cli cli = Cli.run("validate", job.toString());

        assertThat(cli.exitCode).as(cli.toString()).isEqualTo(exitCode);
        String said = cli.out + cli.err;
        assertThat(said).contains(input.toAbsolutePath().toString()).contains(where).contains(what);
        assertThat(said).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(said.length()).as("no multi-megabyte echo of a huge field").isLessThan(5_000);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"unterminated-quote.csv", "utf16.csv", "latin1.csv", "binary-garbage.csv", "duplicate-headers.csv"})
    void aRejectedFileStopsTheSyncBeforeAnyRequest(String file) throws IOException {
        try (WandbEmulator emulator = WandbEmulator.start(EmulatorOptions.of("k"))) {
            Path job = dir.resolve("job.yml");
            Files.writeString(job, "target: { url: " + emulator.baseUrl() + ", token-env: PATH }\ninputs: { users: "
                    + Path.of("samples/broken").resolve(file) + " }\nout: " + dir.resolve("reports") + "\n");

            Cli cli = Cli.run("sync", job.toString(), "--state-db", "jdbc:h2:file:" + dir.resolve("state"));

            assertThat(cli.exitCode).as(cli.toString()).isEqualTo(ExitCodes.INPUT_REJECTED);
            assertThat(cli.err).contains(Path.of("samples/broken").resolve(file).toAbsolutePath().toString());
            assertThat(emulator.counts().total()).isZero();
        }
    }
}
