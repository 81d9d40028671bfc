package dev.scimsync.input;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One runaway line (a 20 MB cell, an export with no line breaks) is never read whole: a physical line longer than
 * 4 MiB rejects the file, naming the file and the line, whatever the column, quoting and line ending; a line just
 * under the cap is read.
 */
class LineLengthTest {

    private static final int CAP = StrictUtf8Reader.MAX_LINE;

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
            // where the long cell is, how long it is (beyond the cap), the line it is on, quoted, line ending
            "display_name, 1, 2, false, \\n",
            "display_name, 1, 4, true, \\r\\n",
            "notes, 16000000, 3, false, \\n",
            "notes, 1, 2, true, \\r",
            "email, 100, 5, false, \\r\\n"})
    void aLineOverTheCapRejectsTheFileNamingItsLine(String column, int beyond, int line, boolean quoted,
                                                   String ending) throws IOException {
        String eol = ending.replace("\\r", "\r").replace("\\n", "\n");
        Path file = write(column, CAP + beyond, line, quoted, eol);

        assertThatThrownBy(() -> InputGuard.inspect(InputKind.USERS, file, "users.csv", Map.of()))
                .isInstanceOfSatisfying(InputRejectedException.class, e -> {
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.getMessage()).startsWith("users.csv line " + line + ": the line is longer than "
                            + CAP + " characters").hasSizeLessThan(300);
                });
    }

    @ParameterizedTest
    @CsvSource({"notes, false", "notes, true", "display_name, true"})
    void aLineJustUnderTheCapIsRead(String column, boolean quoted) throws IOException {
        Path file = write(column, CAP - 200, 3, quoted, "\n");

        InputFileInfo info = InputGuard.inspect(InputKind.USERS, file, "users.csv", Map.of());

        assertThat(info.rows()).isEqualTo(4);
    }

    /** users.csv with a header and four rows; the row on {@code line} has a cell of {@code length} chars. */
    private Path write(String column, int length, int line, boolean quoted, String eol) throws IOException {
        Path file = dir.resolve("users-" + column + "-" + length + "-" + line + ".csv");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("email,display_name,notes" + eol);
            for (int l = 2; l <= 5; l++) {
                String email = "u" + l + "@example.com";
                String name = "User " + l;
                String notes = "";
                if (l == line) {
                    String cell = "x".repeat(length);
                    String written = quoted ? "\"" + cell + "\"" : cell;
                    switch (column) {
                        case "email" -> email = written;
                        case "display_name" -> name = written;
                        default -> notes = written;
                    }
                }
                out.write(email + "," + name + "," + notes + eol);
            }
        }
        return file;
    }
}
