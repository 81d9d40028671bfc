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
 * the kind does not know are ignored, such as the {@code reason} column of a failed-rows file fed back.
 */
final class HeaderMapping {

    private final InputKind kind;
    private final String file;
    private final List<String> header;
    private final Map<String, Integer> positions;
    private final Map<String, String> columnHeaders;

    private HeaderMapping(InputKind kind, String file, List<String> header, Map<String, Integer> positions,
                          Map<String, String> columnHeaders) {
        this.kind = kind;
        this.file = file;
        this.header = header;
        this.positions = positions;
        this.columnHeaders = columnHeaders;
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
    static HeaderMapping of(InputKind kind, String file, long line, List<String> header,
                            Map<String, String> columnRenames) {
        Map<String, Integer> byKey = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String key = key(header.get(i));
            if (key.isEmpty()) {
                continue;
            }
            Integer first = byKey.putIfAbsent(key, i);
            if (first != null) {
                throw new InputRejectedException(file, line, header.get(i).strip(), "duplicate column '"
                        + header.get(i).strip() + "' (fields " + (first + 1) + " and " + (i + 1) + ")");
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
                        + (text.equals(logical) ? "" : " (" + logical + ")") + "; the header has: " + listed(header));
            }
        }
        return new HeaderMapping(kind, file, List.copyOf(header), Map.copyOf(positions), Map.copyOf(columnHeaders));
    }

    List<String> header() {
        return header;
    }

    /** Builds the row for one record's fields. */
    CsvRow row(long line, List<String> rawValues) {
        Map<String, String> values = new HashMap<>();
        positions.forEach((logical, position) ->
                values.put(logical, position < rawValues.size() ? unquoted(rawValues.get(position).strip()) : ""));
        String structuralError = rawValues.size() == header.size() ? null
                : "expected " + header.size() + " fields, found " + rawValues.size();
        return new CsvRow(kind, file, line, header, rawValues, values, structuralError, columnHeaders);
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

    private static String listed(List<String> header) {
        List<String> names = new ArrayList<>();
        for (String text : header) {
            names.add(text.strip().isEmpty() ? "(empty)" : text.strip());
            if (names.size() == 10 && header.size() > 10) {
                names.add("... " + (header.size() - 10) + " more");
                break;
            }
        }
        return String.join(", ", names);
    }
}
