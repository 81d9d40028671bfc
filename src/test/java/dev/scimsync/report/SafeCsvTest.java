package dev.scimsync.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SafeCsvTest {

    @TempDir
    Path dir;

    @Test
    void cellsASpreadsheetWouldRunAsFormulasAreNeutralised() {
        assertThat(SafeCsv.neutralise("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(SafeCsv.neutralise("+1")).isEqualTo("'+1");
        assertThat(SafeCsv.neutralise("-1")).isEqualTo("'-1");
        assertThat(SafeCsv.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(SafeCsv.neutralise("\tcmd")).isEqualTo("'\tcmd");
        assertThat(SafeCsv.neutralise("alice@example.com")).isEqualTo("alice@example.com");
        assertThat(SafeCsv.neutralise("")).isEmpty();
    }

    @Test
    void theFileAppearsWholeOnlyWhenClosed() throws IOException {
        Path target = dir.resolve("out").resolve("results.csv");
        try (SafeCsv csv = SafeCsv.open(target, "a", "b")) {
            csv.row("=1+1", "quoted, \"value\"");
            assertThat(target).doesNotExist();
        }
        assertThat(Files.readString(target)).isEqualTo("a,b\n'=1+1,\"quoted, \"\"value\"\"\"\n");
        assertThat(dir.resolve("out").resolve("results.csv.tmp")).doesNotExist();
    }
}
