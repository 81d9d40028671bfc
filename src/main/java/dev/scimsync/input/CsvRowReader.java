package dev.scimsync.input;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemStreamSupport;

/**
 * Reads one input file as {@link CsvRow}s, restartably: {@link #update} stores how many records were read and
 * {@link #open} on a context holding that count skips as many, so a restarted step goes on after its last committed
 * chunk. Blank records (empty lines, and lines whose every field is blank, such as the {@code ,,,,} rows Excel keeps
 * for formatted empty rows) are skipped and not counted, on a restart too. The delimiter ({@code ,}, {@code ;} or
 * tab) is the job's, else told from the header line ({@link HeaderDelimiter}). A file that cannot be used throws
 * {@link InputRejectedException}, from
 * {@code open} (missing, wrong encoding, bad header) or from {@code read} (encoding or CSV errors further down).
 * Not thread-safe, like any stream-backed reader.
 */
public final class CsvRowReader extends ItemStreamSupport implements ItemStreamReader<CsvRow> {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).get();

    private final InputKind kind;
    private final Path path;
    private final String file;
    private final ReadOptions options;
    private CSVParser parser;
    private Iterator<CSVRecord> records;
    private HeaderMapping mapping;
    private long count;

    /**
     * @param displayName   the file as the user named it, for messages; the path when null
     * @param columnRenames logical column → header text in the file; unmapped columns use their logical name
     * @throws IllegalArgumentException when a rename names an unknown column or two columns share a header text
     */
    public CsvRowReader(InputKind kind, Path file, String displayName, Map<String, String> columnRenames) {
        this(kind, file, displayName, ReadOptions.renames(columnRenames));
    }

    /**
     * @param displayName the file as the user named it, for messages; the path when null
     * @throws IllegalArgumentException when a rename or a value mapping names an unknown column, or two columns
     *                                  share a header text
     */
    public CsvRowReader(InputKind kind, Path file, String displayName, ReadOptions options) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.path = Objects.requireNonNull(file, "file");
        this.file = displayName != null ? displayName : file.toString();
        HeaderMapping.checkRenames(kind, options.columnRenames());
        HeaderMapping.checkColumns(kind, options.values().keySet());
        this.options = options;
        setName("csv." + kind.id());
    }

    @Override
    public void open(ExecutionContext executionContext) {
        if (parser != null) {
            throw new IllegalStateException(file + " is already open");
        }
        parser = openParser();
        records = parser.iterator();
        count = 0;
        try {
            Record header = next();
            if (header == null) {
                throw new InputRejectedException(file, 0, null, "empty file (no header line)");
            }
            mapping = HeaderMapping.of(kind, file, header.line(), HeaderMapping.withoutByteOrderMarks(header.fields()),
                    options);
            skip(executionContext.getLong(getExecutionContextKey("read.count"), 0L));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Skips the records a previous run already read, so reading goes on after its last committed chunk. */
    private void skip(long alreadyRead) {
        while (count < alreadyRead) {
            if (next() == null) {
                throw new InputRejectedException(file, 0, null, "the file changed since the interrupted run: it has "
                        + count + " records, " + alreadyRead + " were already read");
            }
            count++;
        }
    }

    @Override
    public CsvRow read() {
        if (parser == null) {
            throw new IllegalStateException(file + " is not open");
        }
        Record record = next();
        if (record == null) {
            return null;
        }
        count++;
        return mapping.row(record.line(), record.fields());
    }

    /** The file's header fields exactly as read, in file order; available once the reader is open. */
    public List<String> header() {
        if (mapping == null) {
            throw new IllegalStateException(file + " is not open");
        }
        return mapping.header();
    }

    @Override
    public void update(ExecutionContext executionContext) {
        executionContext.putLong(getExecutionContextKey("read.count"), count);
    }

    @Override
    public void close() {
        if (parser != null) {
            try {
                parser.close();
            } catch (IOException e) {
                // nothing was written through it; a failed close loses nothing
            }
        }
        parser = null;
        records = null;
        mapping = null;
    }

    private CSVParser openParser() {
        if (Files.isDirectory(path)) {
            throw new InputRejectedException(file, 0, null, "is a directory, not a file");
        }
        InputStream in;
        try {
            in = Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw new InputRejectedException(file, 0, null, "file not found");
        } catch (AccessDeniedException e) {
            throw new InputRejectedException(file, 0, null, "cannot read the file (permission denied)");
        } catch (IOException e) {
            throw new InputRejectedException(file, 0, null, "cannot read the file (" + e.getMessage() + ")");
        }
        try {
            BufferedReader text = new BufferedReader(new StrictUtf8Reader(in, options.windows1252()));
            char delimiter = options.delimiter() != null ? options.delimiter() : HeaderDelimiter.detect(text);
            return CSVParser.parse(text, FORMAT.builder().setDelimiter(delimiter).get());
        } catch (IOException e) {
            closeQuietly(in);
            throw rejection(e, 1);
        }
    }

    /** The next record with a non-blank field, with the physical line it starts on, or null at the end. */
    private Record next() {
        while (true) {
            long line = parser.getCurrentLineNumber() + 1;
            try {
                if (!records.hasNext()) {
                    return null;
                }
                CSVRecord record = records.next();
                if (blank(record)) {
                    continue;
                }
                return new Record(line, List.of(record.values()));
            } catch (UncheckedIOException | IllegalStateException e) {
                close();
                throw rejection(e, line);
            }
        }
    }

    private static boolean blank(CSVRecord record) {
        for (String field : record) {
            if (!field.isBlank() && !field.strip().equals("\uFEFF")) {
                return false;
            }
        }
        return true;
    }

    private InputRejectedException rejection(Exception e, long line) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StrictUtf8Reader.UnreadableInputException unreadable) {
                return new InputRejectedException(file, unreadable.line(), null, unreadable.reason());
            }
        }
        Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        return new InputRejectedException(file, line, null, CsvErrors.describe(cause.getMessage()));
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the open failed already; that is the error to report
        }
    }

    private record Record(long line, List<String> fields) {
    }
}
