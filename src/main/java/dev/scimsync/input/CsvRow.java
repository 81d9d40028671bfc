package dev.scimsync.input;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One record of an input file, as read and as understood.
 *
 * @param kind            what the file holds
 * @param file            the file as the user named it, for messages
 * @param line            the physical line the record starts on (the header is line 1; a quoted field that spans
 *                        lines counts all of them)
 * @param header          the file's own header fields, in file order, exactly as read
 * @param rawValues       this record's fields, in file order, exactly as read (untrimmed), so a failed row can be
 *                        written back in the input's own format
 * @param values          logical column → trimmed value ({@code ""} when empty or missing) for every known column
 *                        the header has
 * @param structuralError null, or why the record cannot be trusted at all, e.g. {@code expected 5 fields, found 3}
 * @param columnHeaders   logical column → its header text as it appears in the file (trimmed), for every known
 *                        column the header has; row errors name columns this way
 */
public record CsvRow(InputKind kind, String file, long line, List<String> header, List<String> rawValues,
                     Map<String, String> values, String structuralError, Map<String, String> columnHeaders) {

    public CsvRow {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(file, "file");
        header = List.copyOf(header);
        rawValues = List.copyOf(rawValues);
        values = Map.copyOf(values);
        columnHeaders = Map.copyOf(columnHeaders);
    }

    /**
     * A row whose header uses the default header texts (the logical column names, in any case), so the column
     * headers can be worked out from the header itself. Meant for rows built by hand, e.g. in tests.
     */
    public CsvRow(InputKind kind, String file, long line, List<String> header, List<String> rawValues,
                  Map<String, String> values, String structuralError) {
        this(kind, file, line, header, rawValues, values, structuralError, defaultColumnHeaders(kind, header));
    }

    /** The trimmed value of a logical column, {@code ""} when it is empty or the file does not have the column. */
    public String get(String logicalColumn) {
        requireKnown(logicalColumn);
        return values.getOrDefault(logicalColumn, "");
    }

    /**
     * The value of a logical column as the cell holds it, with only ASCII spaces trimmed at the ends (and the
     * apostrophe scim-sync's own reports put before a formula-like cell taken off), so that identity keys can be
     * checked exactly: {@link #get} trims every kind of white space. {@code ""} when the file lacks the column.
     */
    public String exact(String logicalColumn) {
        requireKnown(logicalColumn);
        String headerText = columnHeaders.get(logicalColumn);
        if (headerText == null) {
            return "";
        }
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).strip().equals(headerText)) {
                return i < rawValues.size() ? HeaderMapping.unquoted(IdentityText.trimSpaces(rawValues.get(i))) : "";
            }
        }
        return get(logicalColumn);
    }

    /** Whether the file has a header for this logical column (its value may still be empty). */
    public boolean has(String logicalColumn) {
        requireKnown(logicalColumn);
        return values.containsKey(logicalColumn);
    }

    /** The header text the file uses for a logical column, or the logical name when the file lacks it. */
    public String headerOf(String logicalColumn) {
        requireKnown(logicalColumn);
        return columnHeaders.getOrDefault(logicalColumn, logicalColumn);
    }

    private void requireKnown(String logicalColumn) {
        if (!kind.hasColumn(logicalColumn)) {
            throw new IllegalArgumentException(
                    "'" + logicalColumn + "' is not a column of " + kind.id() + " (columns: " + kind.columns() + ")");
        }
    }

    private static Map<String, String> defaultColumnHeaders(InputKind kind, List<String> header) {
        Map<String, String> found = new LinkedHashMap<>();
        for (String text : header) {
            String logical = text.strip().toLowerCase(Locale.ROOT);
            if (kind.hasColumn(logical)) {
                found.putIfAbsent(logical, text.strip());
            }
        }
        return found;
    }

    /** @throws IllegalArgumentException when a row of another file is handed over: a wiring mistake, not bad input */
    public void requireKind(InputKind expected) {
        if (kind != expected) {
            throw new IllegalArgumentException("not a " + expected.id() + " row: " + kind.id() + " " + file);
        }
    }
}
