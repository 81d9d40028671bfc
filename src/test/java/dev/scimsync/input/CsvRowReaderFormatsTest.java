package dev.scimsync.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
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

/** Files as spreadsheets and exports write them: other delimiters, byte-order marks, padding, Windows-1252. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CsvRowReaderFormatsTest {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final List<Character> DELIMITERS = List.of(',', ';', '\t');

    @TempDir
    Path dir;

    @Test
    void everyDelimiterWithOrWithoutABomAndEitherLineEndReadsTheSameRows() throws IOException {
        for (char d : DELIMITERS) {
            for (boolean bom : List.of(false, true)) {
                for (String eol : List.of("\n", "\r\n")) {
                    String csv = String.join(eol, "email" + d + "display_name" + d + "org_role",
                            "ann@example.com" + d + "\"Ng, Ann; Jr\tII\"" + d + "admin",
                            "" + d + d,
                            "bob@example.com" + d + "Bob" + d + "viewer", "");
                    Path file = write(bom ? concat(BOM, utf8(csv)) : utf8(csv));
                    String variant = "delimiter U+%04X, bom %s, %s".formatted((int) d, bom, eol.length() == 2 ? "CRLF" : "LF");

                    for (Character configured : java.util.Arrays.asList(null, d)) {
                        List<CsvRow> rows = readAll(file, new ReadOptions(Map.of(), configured, false, null));

                        assertThat(rows).as(variant).extracting(r -> r.get("email"), r -> r.get("display_name"),
                                r -> r.get("org_role"), CsvRow::line, CsvRow::structuralError).containsExactly(
                                org.assertj.core.groups.Tuple.tuple("ann@example.com", "Ng, Ann; Jr\tII", "admin", 2L, null),
                                org.assertj.core.groups.Tuple.tuple("bob@example.com", "Bob", "viewer", 4L, null));
                        assertThat(rows.get(0).header()).as(variant)
                                .containsExactly("email", "display_name", "org_role");
                    }
                }
            }
        }
    }

    @Test
    void blankRowsOfEveryFormAreSkippedAndNotCounted() throws IOException {
        for (char d : DELIMITERS) {
            for (String blank : blankRows(d)) {
                String csv = "email" + d + "display_name" + d + "active\n" + blank + "\nann@example.com" + d + "Ann" + d
                        + "y\n" + blank + "\n" + blank + "\nbob@example.com" + d + d + "n\n" + blank + "\n";
                Path file = write(utf8(csv));
                String variant = "delimiter U+%04X, blank row [%s]".formatted((int) d, blank);

                List<CsvRow> rows = readAll(file, ReadOptions.renames(Map.of()));

                assertThat(rows).as(variant).extracting(r -> r.get("email")).containsExactly("ann@example.com",
                        "bob@example.com");
                assertThat(rows).as(variant).extracting(CsvRow::line).containsExactly(3L, 6L);
                assertThat(rows).as(variant).extracting(CsvRow::structuralError).containsOnlyNulls();
                InputFileInfo info = InputGuard.inspect(InputKind.USERS, file, "users.csv", ReadOptions.renames(null));
                assertThat(info.rows()).as(variant).isEqualTo(2);
                assertThat(info.keyedRows()).as(variant).isEqualTo(2);
            }
        }
    }

    /** Empty lines, delimiters only, spaces, quoted empty and quoted blank fields, more fields than the header. */
    private static List<String> blankRows(char d) {
        List<String> rows = new ArrayList<>(List.of("", "   ", "\"\"", "\" \""));
        for (int fields = 2; fields <= 6; fields++) {
            rows.add(String.valueOf(d).repeat(fields - 1));
            rows.add(String.join(d + " ", java.util.Collections.nCopies(fields, " ")));
            rows.add(String.join(String.valueOf(d), java.util.Collections.nCopies(fields, "\"\"")));
            rows.add(String.join(String.valueOf(d), java.util.Collections.nCopies(fields, "\"  \"")));
        }
        return rows;
    }

    @Test
    void aRestartSkipsBlankRowsExactlyAsTheFirstReadDid() throws IOException {
        Path file = write(utf8("email,display_name\n,,\n1@x.io,\n\" \",\n2@x.io,\n,\n,\n3@x.io,\n,,,\n4@x.io,\n"));
        ExecutionContext context = new ExecutionContext();
        CsvRowReader first = new CsvRowReader(InputKind.USERS, file, "users.csv", Map.of());
        first.open(context);
        assertThat(first.read().get("email")).isEqualTo("1@x.io");
        assertThat(first.read().get("email")).isEqualTo("2@x.io");
        first.update(context);
        first.close();

        CsvRowReader second = new CsvRowReader(InputKind.USERS, file, "users.csv", Map.of());
        second.open(context);
        List<CsvRow> rest = new ArrayList<>();
        for (CsvRow row = second.read(); row != null; row = second.read()) {
            rest.add(row);
        }
        second.close();

        assertThat(context.getLong("csv.users.read.count")).isEqualTo(2);
        assertThat(rest).extracting(r -> r.get("email"), CsvRow::line)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("3@x.io", 8L),
                        org.assertj.core.groups.Tuple.tuple("4@x.io", 10L));
    }

    @Test
    void trailingEmptyHeaderColumnsAreIgnoredAndMissingTrailingFieldsAreEmpty() throws IOException {
        for (char d : DELIMITERS) {
            String s = String.valueOf(d);
            for (int padding = 0; padding <= 4; padding++) {
                String header = "email" + s + "display_name" + s + "active" + s.repeat(padding);
                String csv = header + "\n"
                        + "a@x.io" + s + "A" + s + "true" + s.repeat(padding + 3) + "\n"
                        + "b@x.io" + s + "B\n"
                        + "c@x.io\n"
                        + "d@x.io" + s + "D" + s + "false" + s.repeat(padding + 1) + "x\n";
                String variant = "delimiter U+%04X, %d empty header columns".formatted((int) d, padding);

                List<CsvRow> rows = readAll(write(utf8(csv)), ReadOptions.renames(null));

                assertThat(rows).as(variant).extracting(CsvRow::structuralError)
                        .containsExactly(null, null, null, "expected 3 fields, found " + (padding + 4));
                assertThat(rows).as(variant).extracting(r -> r.get("display_name")).containsExactly("A", "B", "", "D");
                assertThat(rows).as(variant).extracting(r -> r.get("active")).containsExactly("true", "", "", "false");
                assertThat(rows.get(1).rawValues()).as(variant).containsExactly("b@x.io", "B");
            }
        }
    }

    @Test
    void aDoubledByteOrderMarkIsReadAsOne() throws IOException {
        for (int marks = 1; marks <= 3; marks++) {
            for (char d : DELIMITERS) {
                byte[] bytes = utf8("email" + d + "display_name\r\nzoë@example.com" + d + "Zoë\r\n");
                for (int i = 0; i < marks; i++) {
                    bytes = concat(BOM, bytes);
                }

                List<CsvRow> rows = readAll(write(bytes), ReadOptions.renames(null));

                assertThat(rows).as("%d BOMs, delimiter U+%04X", marks, (int) d).singleElement()
                        .satisfies(row -> {
                            assertThat(row.get("email")).isEqualTo("zoë@example.com");
                            assertThat(row.header()).containsExactly("email", "display_name");
                        });
            }
        }
    }

    @Test
    void anInvisibleCharacterInAHeaderIsNamedAsItsCodePoint() throws IOException {
        for (String invisible : List.of("\uFEFF", "\u200B", "\u00A0", "\u2060")) {
            Path file = write(utf8("display_name," + invisible + "email\nAnn,ann@example.com\n"));
            String code = "<U+%04X>".formatted((int) invisible.charAt(0));

            InputRejectedException e = catchThrowableOfType(InputRejectedException.class,
                    () -> readAll(file, ReadOptions.renames(null)));

            assertThat(e).as(code).isNotNull();
            assertThat(e.getMessage()).isEqualTo("users.csv line 1, column email: missing required column 'email';"
                    + " the header has: display_name, " + code + "email");
        }
    }

    @Test
    void aOneColumnHeaderHoldingASemicolonOrATabSaysWhichDelimiterToSet() throws IOException {
        Map<String, String> hints = Map.of(";", "contains ';': if the file is separated by semicolons, set"
                + " inputs.delimiter: \";\" in the job file)", "\t", "contains a tab: if the file is separated by"
                + " tabs, set inputs.delimiter: tab in the job file)");
        hints.forEach((other, hint) -> {
            for (String header : List.of("email" + other + "display_name", "\"email" + other + "display_name\"")) {
                Path file = write(utf8(header + "\nann@example.com" + other + "Ann\n"));
                for (Character configured : java.util.Arrays.asList(',', null)) {
                    if (configured == null && !header.startsWith("\"")) {
                        continue; // told from the header: read correctly, see the first test
                    }
                    assertThatThrownBy(() -> readAll(file, new ReadOptions(Map.of(), configured, false, null)))
                            .as(header).isInstanceOf(InputRejectedException.class)
                            .hasMessageStartingWith("users.csv line 1, column email: missing required column 'email'")
                            .hasMessageEndingWith("(the header is one column that " + hint);
                }
            }
        });
    }

    @Test
    void theDelimiterIsToldFromTheHeaderLineAloneWithCommaWinningATie() throws IOException {
        // header line → the delimiter it should be read with, and which of three fields is the email
        record Case(String header, char delimiter, int emailField) {
        }
        List<Case> cases = List.of(
                new Case("email,display_name,x", ',', 0),
                new Case("email;display_name;org_role", ';', 0),
                new Case("email\tdisplay_name\tx", '\t', 0),
                new Case("email", ',', 0),
                new Case("\"a;b;c\",email,\"d;e\"", ',', 1),
                new Case("email,x;display_name\tname", ',', 0),
                new Case("x;y,email", ',', 1),
                new Case("\"e;x\";email;\"n,a,m,e\"", ';', 1),
                new Case("\"a\tb\",\"c;c\",email", ',', 2),
                new Case(";;;\n\n   \n\"\"\t\t\nemail;display_name;x", ';', 0),
                new Case("\"line\nbreak\";email;x", ';', 1));
        for (Case c : cases) {
            List<String> fields = List.of("\"f0;,\tx\"", "\"f1;,\tx\"", "\"f2;,\tx\"");
            Path file = write(utf8(c.header() + "\n" + String.join(String.valueOf(c.delimiter()), fields) + "\n"));

            List<CsvRow> rows = readAll(file, ReadOptions.renames(null));

            assertThat(rows).as(c.header()).extracting(r -> r.get("email"), r -> r.rawValues().size())
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("f" + c.emailField() + ";,\tx",
                            3));
        }
    }

    @Test
    void aHeaderLongerThanTheLookAheadIsToldFromItsStartAndReadWhole() throws IOException {
        String longName = "n".repeat(HeaderDelimiter.LOOK_AHEAD + 10);
        Path file = write(utf8("email;" + longName + ";display_name\nann@example.com;x;Ann\n"));

        List<CsvRow> rows = readAll(file, ReadOptions.renames(null));

        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.get("display_name")).isEqualTo("Ann");
            assertThat(r.header().get(1)).isEqualTo(longName);
        });
    }

    @Test
    void windows1252IsRejectedByDefaultWithTheWayToOptIn() throws IOException {
        byte[] bytes = "email,display_name\nann@example.com,Ann\nzoe@example.com,Zoë Müller €\n"
                .getBytes(StrictUtf8Reader.WINDOWS_1252);
        Path file = write(bytes);

        assertThatThrownBy(() -> readAll(file, ReadOptions.renames(null)))
                .isInstanceOf(InputRejectedException.class)
                .hasMessageStartingWith("users.csv line 3: not valid UTF-8")
                .hasMessageContaining("set inputs.encoding: windows-1252 in the job file");
        List<CsvRow> rows = readAll(file, new ReadOptions(Map.of(), null, true, null));
        assertThat(rows).extracting(r -> r.get("display_name")).containsExactly("Ann", "Zoë Müller €");
    }

    @Test
    void windows1252DecodesEveryDefinedByteAndRefusesTheFiveUndefinedOnes() throws IOException {
        for (int b = 0x80; b <= 0xFF; b++) {
            byte[] bytes = concat(utf8("email,display_name\nann@example.com,x"), new byte[] {(byte) b, '\n'});
            Path file = write(bytes);
            String decoded = new String(new byte[] {(byte) b}, StrictUtf8Reader.WINDOWS_1252);

            if (List.of(0x81, 0x8D, 0x8F, 0x90, 0x9D).contains(b)) {
                assertThatThrownBy(() -> readAll(file, new ReadOptions(Map.of(), null, true, null)))
                        .isInstanceOf(InputRejectedException.class)
                        .hasMessage("users.csv line 2: byte 0x%02X is not a Windows-1252 character (inputs.encoding:"
                                + " windows-1252 is set; is the file in another encoding? Save it as UTF-8)", b);
            } else {
                assertThat(readAll(file, new ReadOptions(Map.of(), null, true, null)).get(0).get("display_name"))
                        .as("byte 0x%02X", b).isEqualTo(("x" + decoded).strip());
            }
        }
    }

    @Test
    void aUtf8FileWithABomIsReadAsUtf8EvenWithTheWindows1252OptIn() throws IOException {
        Path file = write(concat(BOM, utf8("email;display_name\r\nzoe@example.com;Zoë Müller €\r\n")));

        assertThat(readAll(file, new ReadOptions(Map.of(), null, true, null)).get(0).get("display_name"))
                .isEqualTo("Zoë Müller €");
    }

    @Test
    void valuesAreMappedIgnoringCaseAndSpacesWhileRawValuesStayAsRead() throws IOException {
        Path file = write(utf8("email,org_role,active\n"
                + "a@x.io,Owner,ACTIVE\n"
                + "b@x.io,  owner , suspended \n"
                + "c@x.io,member,Deprovisioned\n"
                + "d@x.io,,\n"
                + "e@x.io,Billing,maybe\n"));
        ReadOptions options = new ReadOptions(Map.of(), null, false, Map.of(
                "active", Map.of("ACTIVE", "true", "Suspended", "false", " DEPROVISIONED ", " false "),
                "org_role", Map.of("OWNER", "admin")));

        List<CsvRow> rows = readAll(file, options);

        assertThat(rows).extracting(r -> r.get("org_role")).containsExactly("admin", "admin", "member", "", "Billing");
        assertThat(rows).extracting(r -> r.get("active")).containsExactly("true", "false", "false", "", "maybe");
        assertThat(rows.get(1).rawValues()).containsExactly("b@x.io", "  owner ", " suspended ");
    }

    @Test
    void aValueMappingOfAnUnknownColumnIsAWiringMistake() {
        assertThatThrownBy(() -> new CsvRowReader(InputKind.TEAMS, dir.resolve("t.csv"), null,
                new ReadOptions(Map.of(), null, false, Map.of("active", Map.of("a", "true")))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'active' is not a column of teams");
    }

    private List<CsvRow> readAll(Path file, ReadOptions options) {
        return CsvRowReaderTest.readAll(new CsvRowReader(InputKind.USERS, file, "users.csv", options));
    }

    private Path write(byte[] content) {
        try {
            return Files.write(dir.resolve("users.csv"), content);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(a);
        all.writeBytes(b);
        return all.toByteArray();
    }
}
