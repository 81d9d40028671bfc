package dev.scimsync.input;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.throwable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CsvRowReaderRejectionTest {

    @TempDir
    Path dir;

    @Test
    void rejectsAMissingFile() {
        rejection(dir.resolve("nope.csv"), Map.of())
                .hasMessage("in/nope.csv: file not found")
                .extracting(InputRejectedException::line).isEqualTo(0L);
    }

    @Test
    void rejectsAnEmptyFile() throws IOException {
        rejection(write(""), Map.of()).hasMessage("in/users.csv: empty file (no header line)");
        rejection(write("\n\n"), Map.of()).hasMessage("in/users.csv: empty file (no header line)");
    }

    @Test
    void rejectsAMissingRequiredColumnNamingTheMappedHeader() throws IOException {
        Path file = write("Email,Name\na@example.com,A\n");

        rejection(file, Map.of("email", "Work Email"))
                .hasMessage("in/users.csv line 1, column Work Email: missing required column 'Work Email' (email);"
                        + " the header has: Email, Name")
                .extracting(InputRejectedException::column).isEqualTo("Work Email");
    }

    @Test
    void rejectsDuplicateColumns() throws IOException {
        rejection(write("email,Name, EMAIL\na,b,c\n"), Map.of())
                .hasMessage("in/users.csv line 1, column EMAIL: duplicate column 'EMAIL' (fields 1 and 3)");
    }

    @Test
    void rejectsAnUnterminatedQuoteNamingItsLine() throws IOException {
        rejection(write("email,display_name\na@example.com,A\nb@example.com,\"B\nc@example.com,C\n"), Map.of())
                .hasMessageStartingWith("in/users.csv line 3: a quoted field starting on this line is never closed")
                .extracting(InputRejectedException::line).isEqualTo(3L);
    }

    @Test
    void rejectsTextAfterAClosingQuote() throws IOException {
        rejection(write("email,display_name\na@example.com,\"A\"x\n"), Map.of())
                .hasMessageStartingWith("in/users.csv line 2: unexpected text after a closing quote");
    }

    @Test
    void rejectsInvalidUtf8NamingTheLine() throws IOException {
        byte[] latin1 = "email,display_name\na@example.com,A\nb@example.com,Zoë\n".getBytes(StandardCharsets.ISO_8859_1);

        rejection(write(latin1), Map.of())
                .hasMessage("in/users.csv line 3: " + StrictUtf8Reader.NOT_UTF8)
                .extracting(InputRejectedException::line).isEqualTo(3L);
    }

    @Test
    void rejectsInvalidUtf8FarDownAFile() throws IOException {
        StringBuilder csv = new StringBuilder("email\n");
        for (int i = 0; i < 5000; i++) {
            csv.append("user").append(i).append("@example.com\n");
        }
        byte[] good = csv.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bad = {'x', (byte) 0xC3, '@', 'e', '.', 'i', 'o', '\n'};

        rejection(write(concat(good, bad)), Map.of()).hasMessage("in/users.csv line 5002: " + StrictUtf8Reader.NOT_UTF8);
    }

    @Test
    void rejectsAFileEndingInTheMiddleOfACharacter() throws IOException {
        byte[] truncated = concat("email\nzo".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3});

        rejection(write(truncated), Map.of()).hasMessage("in/users.csv line 2: " + StrictUtf8Reader.NOT_UTF8);
    }

    @Test
    void rejectsUtf16() throws IOException {
        byte[] bigEndian = concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, "email\n".getBytes(StandardCharsets.UTF_16BE));
        byte[] littleEndian = concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, "email\n".getBytes(StandardCharsets.UTF_16LE));

        rejection(write(bigEndian), Map.of()).hasMessage("in/users.csv: UTF-16 file: save it as UTF-8");
        rejection(write(littleEndian), Map.of()).hasMessage("in/users.csv: UTF-16 file: save it as UTF-8");
    }

    @Test
    void rejectsBinaryData() throws IOException {
        rejection(write("email\na@example.com\nb\0\0\0\n".getBytes(StandardCharsets.UTF_8)), Map.of())
                .hasMessageStartingWith("in/users.csv line 3: contains NUL bytes");
    }

    @Test
    void refusesRenamesOfUnknownColumns() {
        assertThatThrownBy(() -> new CsvRowReader(InputKind.USERS, dir.resolve("u.csv"), null, Map.of("mail", "x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'mail' is not a column of users");
    }

    private AbstractThrowableAssert<?, InputRejectedException> rejection(Path file, Map<String, String> renames) {
        CsvRowReader reader = new CsvRowReader(InputKind.USERS, file, "in/" + file.getFileName(), renames);
        return assertThatThrownBy(() -> CsvRowReaderTest.readAll(reader))
                .asInstanceOf(throwable(InputRejectedException.class));
    }

    private Path write(String content) throws IOException {
        return write(content.getBytes(StandardCharsets.UTF_8));
    }

    private Path write(byte[] content) throws IOException {
        return Files.write(dir.resolve("users.csv"), content);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
