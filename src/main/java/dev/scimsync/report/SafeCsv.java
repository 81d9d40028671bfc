package dev.scimsync.report;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a CSV report: UTF-8, RFC 4180, written to a temporary file and moved into place so a reader never sees half
 * a report, and every cell that a spreadsheet would take for a formula neutralised.
 */
final class SafeCsv implements AutoCloseable {

    private final Path target;
    private final Path temp;
    private final CSVPrinter printer;

    private SafeCsv(Path target, String... header) throws IOException {
        this.target = target;
        Files.createDirectories(target.toAbsolutePath().getParent());
        this.temp = target.resolveSibling(target.getFileName() + ".tmp");
        Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
        this.printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get());
        row((Object[]) header);
    }

    static SafeCsv open(Path target, String... header) {
        try {
            return new SafeCsv(target, header);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    void row(Object... cells) {
        try {
            for (Object cell : cells) {
                printer.print(neutralise(cell == null ? "" : cell.toString()));
            }
            printer.println();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + temp, e);
        }
    }

    /**
     * A cell starting with {@code = + - @} (or a tab or carriage return, which some spreadsheets skip) would run
     * as a formula when the report is opened: it is prefixed with an apostrophe, as OWASP recommends.
     */
    static String neutralise(String cell) {
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }

    @Override
    public void close() {
        try {
            printer.close(true);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }
}
