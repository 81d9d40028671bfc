package dev.scimsync.input;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where each logical column sits in one file: header texts are matched case-insensitively, ignoring surrounding
 * spaces, against the configured header text of each column (its logical name unless the job renames it). Columns
 * the kind does not know are ignored, such as the {@code reason} column of a failed-rows file fed back. Empty header
 * fields at the end (a spreadsheet's formatted empty columns) do not count: a record may have empty fields under
 * them, and may lack fields at its end (they are empty values), but a non-empty field past the last header is a
 * structural error.
 */
final class HeaderMapping {

    private final InputKind kind;
    private final String file;
    private final List<String> header;
    private final int width;
    private final Map<String, Integer> positions;
    private final Map<String, String> columnHeaders;
    private final ReadOptions options;

    private HeaderMapping(InputKind kind, String file, List<String> header, Map<String, Integer> positions,
                          Map<String, String> columnHeaders, ReadOptions options) {
        this.kind = kind;
        this.file = file;
        this.header = header;
        this.width = used(header);
        this.positions = positions;
        this.columnHeaders = columnHeaders;
        this.options = options;
    }

    /** Checks that value mappings name columns of the kind. */
    static void checkColumns(InputKind kind, java.util.Set<String> logicalColumns) {
        for (String logical : logicalColumns) {
            if (!kind.hasColumn(logical)) {
                throw new IllegalArgumentException("'" + logical + "' is not a column of " + kind.id()
                        + " (columns: " + String.join(", ", kind.columns()) + ")");
            }
        }
    }

    /**
     * The header fields with any byte-order mark at the start of the first one removed: a file saved twice with a
     * BOM starts with two, and the reader skips only the first.
     */
    static List<String> withoutByteOrderMarks(List<String> header) {
        if (header.isEmpty() || !header.get(0).startsWith("\uFEFF")) {
            return header;
        }
        List<String> cleaned = new ArrayList<>(header);
        cleaned.set(0, header.get(0).replaceFirst("^\uFEFF+", ""));
        return cleaned;
    }

    /** Checks the configured renames: only known logical columns, no two on the same header text. */
    static Map<String, String> checkRenames(InputKind kind, Map<String, String> columnRenames) {
        Map<String, String> byKey = new HashMap<>();
        for (String logical : kind.columns()) {
            String text = columnRenames.getOrDefault(logical, logical);
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException(kind.id() + " column '" + logical + "' is mapped to an empty header");
            }
            String other = byKey.putIfAbsent(key(text), logical);
            if (other != null) {
                throw new IllegalArgumentException(kind.id() + " columns '" + other + "' and '" + logical
                        + "' both map to the header '" + text + "'");
            }
        }
        for (String logical : columnRenames.keySet()) {
            if (!kind.hasColumn(logical)) {
                throw new IllegalArgumentException("'" + logical + "' is not a column of " + kind.id()
                        + " (columns: " + String.join(", ", kind.columns()) + ")");
            }
        }
        return Map.copyOf(columnRenames);
    }

    /** Maps a header line (line 1 or the first non-empty line); rejects duplicates and missing required columns. */
    static HeaderMapping of(InputKind kind, String file, long line, List<String> header, ReadOptions options) {
        Map<String, String> columnRenames = options.columnRenames();
        Map<String, Integer> byKey = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String key = key(header.get(i));
            if (key.isEmpty()) {
                continue;
            }
            Integer first = byKey.putIfAbsent(key, i);
            if (first != null) {
                throw new InputRejectedException(file, line, visible(header.get(i).strip()), "duplicate column '"
                        + visible(header.get(i).strip()) + "' (fields " + (first + 1) + " and " + (i + 1) + ")");
            }
        }
        Map<String, Integer> positions = new LinkedHashMap<>();
        Map<String, String> columnHeaders = new LinkedHashMap<>();
        for (String logical : kind.columns()) {
            String text = columnRenames.getOrDefault(logical, logical);
            Integer position = byKey.get(key(text));
            if (position != null) {
                positions.put(logical, position);
                columnHeaders.put(logical, header.get(position).strip());
            } else if (kind.requiredColumns().contains(logical)) {
                throw new InputRejectedException(file, line, text, "missing required column '" + text + "'"
                        + (text.equals(logical) ? "" : " (" + logical + ")") + "; the header has: "
                        + listed(header.subList(0, used(header))) + delimiterHint(header));
            }
        }
        return new HeaderMapping(kind, file, List.copyOf(header), Map.copyOf(positions), Map.copyOf(columnHeaders),
                options);
    }

    /** Why a one-column header that holds a semicolon or a tab may have been split wrongly. */
    private static String delimiterHint(List<String> header) {
        if (used(header) != 1) {
            return "";
        }
        if (header.get(0).contains(";")) {
            return " (the header is one column that contains ';': if the file is separated by semicolons,"
                    + " set inputs.delimiter: \";\" in the job file)";
        }
        if (header.get(0).contains("\t")) {
            return " (the header is one column that contains a tab: if the file is separated by tabs,"
                    + " set inputs.delimiter: tab in the job file)";
        }
        return "";
    }

    List<String> header() {
        return header;
    }

    /**
     * Builds the row for one record's fields: each value trimmed, then mapped through the job's value mappings;
     * the raw values stay exactly as read.
     */
    CsvRow row(long line, List<String> rawValues) {
        Map<String, String> values = new HashMap<>();
        positions.forEach((logical, position) -> values.put(logical, position < rawValues.size()
                ? options.mapped(logical, unquoted(rawValues.get(position).strip())) : ""));
        int found = used(rawValues);
        String structuralError = found <= width ? null : "expected " + width + " fields, found " + found;
        return new CsvRow(kind, file, line, header, rawValues, values, structuralError, columnHeaders);
    }

    /** The number of fields up to the last non-blank one. */
    private static int used(List<String> fields) {
        int used = fields.size();
        while (used > 0 && fields.get(used - 1).isBlank()) {
            used--;
        }
        return used;
    }

    private static String key(String headerText) {
        return unquoted(headerText.strip()).toLowerCase(Locale.ROOT);
    }

    /**
     * Undoes the apostrophe that scim-sync's own CSV reports put before a cell a spreadsheet would run as a formula
     * ({@code '=x} for {@code =x}), so a failed-rows file feeds back with the values it was written from.
     */
    static String unquoted(String value) {
        return value.length() > 1 && value.charAt(0) == '\'' && "=+-@\t\r".indexOf(value.charAt(1)) >= 0
                ? value.substring(1) : value;
    }

    /** The text with invisible characters (U+FEFF, U+200B, control characters...) shown as code points. */
    static String visible(String text) {
        return IdentityText.visible(text, Integer.MAX_VALUE);
    }

    private static String listed(List<String> header) {
        List<String> names = new ArrayList<>();
        for (String text : header) {
            names.add(text.strip().isEmpty() ? "(empty)" : visible(text.strip()));
            if (names.size() == 10 && header.size() > 10) {
                names.add("... " + (header.size() - 10) + " more");
                break;
            }
        }
        return String.join(", ", names);
    }
}
