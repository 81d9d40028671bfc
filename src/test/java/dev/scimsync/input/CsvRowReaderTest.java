package dev.scimsync.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CsvRowReaderTest {

    @TempDir
    Path dir;

    @Test
    void mapsRenamedHeadersAndTrimsValuesButKeepsRawFields() throws IOException {
        Path file = write("users.csv", "Work Email , Full Name,display_name\n  Ann@Example.com ,x, Ann  \n");

        List<CsvRow> rows = readAll(reader(file, Map.of("email", "Work Email")));

        CsvRow row = rows.get(0);
        assertThat(row.get("email")).isEqualTo("Ann@Example.com");
        assertThat(row.get("display_name")).isEqualTo("Ann");
        assertThat(row.get("org_role")).isEmpty();
        assertThat(row.has("org_role")).isFalse();
        assertThat(row.header()).containsExactly("Work Email ", " Full Name", "display_name");
        assertThat(row.rawValues()).containsExactly("  Ann@Example.com ", "x", " Ann  ");
        assertThat(row.headerOf("email")).isEqualTo("Work Email");
        assertThat(row.structuralError()).isNull();
        assertThat(row.line()).isEqualTo(2);
        assertThat(row.file()).isEqualTo("users.csv");
    }

    @Test
    void readsAFailedRowsFileBackIgnoringItsReasonColumnAndTheFormulaGuard() throws IOException {
        Path file = write("failed-users.csv", "email,display_name,reason\n"
                + "ann@example.com,'=Ann,\"org_role: unknown org role 'owner'\"\n");

        CsvRow row = readAll(reader(file, Map.of())).get(0);

        assertThat(row.get("email")).isEqualTo("ann@example.com");
        assertThat(row.get("display_name")).isEqualTo("=Ann");
        assertThat(row.structuralError()).isNull();
        assertThat(row.rawValues()).containsExactly("ann@example.com", "'=Ann", "org_role: unknown org role 'owner'");
    }

    @Test
    void keepsAnApostropheThatGuardsNoFormula() throws IOException {
        Path file = write("users.csv", "email,display_name\nann@example.com,'Tis Ann\n");

        assertThat(readAll(reader(file, Map.of())).get(0).get("display_name")).isEqualTo("'Tis Ann");
    }

    @Test
    void matchesHeadersIgnoringCase() throws IOException {
        Path file = write("users.csv", "EMAIL,Org_Role\nann@example.com,Admin\n");

        CsvRow row = readAll(reader(file, Map.of())).get(0);

        assertThat(row.get("email")).isEqualTo("ann@example.com");
        assertThat(row.get("org_role")).isEqualTo("Admin");
        assertThat(row.headerOf("org_role")).isEqualTo("Org_Role");
    }

    @Test
    void stripsUtf8ByteOrderMark() throws IOException {
        Path file = dir.resolve("users.csv");
        Files.write(file, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "email\nzoë@example.com\n".getBytes(StandardCharsets.UTF_8)));

        CsvRow row = readAll(reader(file, Map.of())).get(0);

        assertThat(row.header()).containsExactly("email");
        assertThat(row.get("email")).isEqualTo("zoë@example.com");
    }

    @Test
    void readsCrLfAndMixedLineEndingsWithRightLineNumbersAndSkipsEmptyLines() throws IOException {
        Path file = write("users.csv", "email\r\na@example.com\r\n\r\nb@example.com\nc@example.com\rd@example.com");

        List<CsvRow> rows = readAll(reader(file, Map.of()));

        assertThat(rows).extracting(CsvRow::line).containsExactly(2L, 4L, 5L, 6L);
        assertThat(rows).extracting(row -> row.get("email"))
                .containsExactly("a@example.com", "b@example.com", "c@example.com", "d@example.com");
    }

    @Test
    void countsEveryLineOfAQuotedMultiLineField() throws IOException {
        Path file = write("users.csv", "email,display_name\na@example.com,\"two\nlines\r\nthree\"\nb@example.com,B\n");

        List<CsvRow> rows = readAll(reader(file, Map.of()));

        assertThat(rows).extracting(CsvRow::line).containsExactly(2L, 5L);
        assertThat(rows.get(0).rawValues().get(1)).isEqualTo("two\nlines\r\nthree");
    }

    @Test
    void flagsARecordWithMoreFieldsThanTheHeaderButReadsMissingTrailingFieldsAsEmpty() throws IOException {
        Path file = write("users.csv", "email,username,display_name,org_role,active\na@example.com,a,A\n"
                + "b@example.com,b,\"Ng, B\",member,true,oops\n");

        List<CsvRow> rows = readAll(reader(file, Map.of()));

        assertThat(rows.get(0).structuralError()).isNull();
        assertThat(rows.get(0).get("display_name")).isEqualTo("A");
        assertThat(rows.get(0).get("active")).isEmpty();
        assertThat(rows.get(0).has("active")).isTrue();
        assertThat(rows.get(0).rawValues()).containsExactly("a@example.com", "a", "A");
        assertThat(rows.get(1).structuralError()).isEqualTo("expected 5 fields, found 6");
    }

    @Test
    void restartsAfterTheRecordsAlreadyRead() throws IOException {
        Path file = write("users.csv", "email,display_name\n1@x.io,\"multi\nline\"\n2@x.io,\n\n3@x.io,\n4@x.io,\n5@x.io,\n");
        ExecutionContext context = new ExecutionContext();
        CsvRowReader first = reader(file, Map.of());
        first.open(context);
        for (int i = 0; i < 3; i++) {
            first.read();
        }
        first.update(context);
        first.close();

        CsvRowReader second = reader(file, Map.of());
        second.open(context);
        List<CsvRow> rest = new ArrayList<>();
        for (CsvRow row = second.read(); row != null; row = second.read()) {
            rest.add(row);
        }
        second.close();

        assertThat(context.getLong("csv.users.read.count")).isEqualTo(3);
        assertThat(rest).extracting(row -> row.get("email")).containsExactly("4@x.io", "5@x.io");
        assertThat(rest).extracting(CsvRow::line).containsExactly(7L, 8L);
    }

    @Test
    void decodesMultiByteCharactersAcrossBufferBoundaries() throws IOException {
        StringBuilder csv = new StringBuilder("email,display_name\n");
        for (int i = 0; i < 3000; i++) {
            csv.append("zoë").append(i).append("@exämple.com,Ünïcödé 名前 ").append(i).append(" 😀\n");
        }
        Path file = write("users.csv", csv.toString());

        List<CsvRow> rows = readAll(reader(file, Map.of()));

        assertThat(rows).hasSize(3000);
        assertThat(rows.get(2999).get("display_name")).isEqualTo("Ünïcödé 名前 2999 😀");
        assertThat(rows.get(2999).line()).isEqualTo(3001);
    }

    @Test
    void returnsNullAtTheEndAndAHeaderOnlyFileHasNoRows() throws IOException {
        CsvRowReader reader = reader(write("teams.csv", "team\n"), InputKind.TEAMS);
        reader.open(new ExecutionContext());

        assertThat(reader.read()).isNull();
        assertThat(reader.read()).isNull();
        reader.close();
    }

    private CsvRowReader reader(Path file, InputKind kind) {
        return new CsvRowReader(kind, file, file.getFileName().toString(), Map.of());
    }

    private CsvRowReader reader(Path file, Map<String, String> renames) {
        return new CsvRowReader(InputKind.USERS, file, file.getFileName().toString(), renames);
    }

    static List<CsvRow> readAll(CsvRowReader reader) {
        reader.open(new ExecutionContext());
        try {
            List<CsvRow> rows = new ArrayList<>();
            for (CsvRow row = reader.read(); row != null; row = reader.read()) {
                rows.add(row);
            }
            return rows;
        } finally {
            reader.close();
        }
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
