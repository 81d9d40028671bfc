package dev.scimsync.input;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How one input file is written, as the job file says.
 *
 * @param columnRenames logical column → header text in the file; unmapped columns use their logical name
 * @param delimiter     {@code ,}, {@code ;} or a tab; null to tell it from the header line
 * @param windows1252   decode as Windows-1252 rather than UTF-8 (a UTF-8 byte-order mark still means UTF-8)
 * @param values        logical column → (value as the export spells it → value to use); a cell matches a source
 *                      value ignoring case and surrounding spaces, and an unmatched cell is kept as it is
 */
public record ReadOptions(Map<String, String> columnRenames, Character delimiter, boolean windows1252,
                          Map<String, Map<String, String>> values) {

    public ReadOptions {
        columnRenames = columnRenames == null ? Map.of() : Map.copyOf(columnRenames);
        if (delimiter != null && ",;\t".indexOf(delimiter) < 0) {
            throw new IllegalArgumentException("the delimiter must be ',', ';' or a tab (was '" + delimiter + "')");
        }
        Map<String, Map<String, String>> byColumn = new LinkedHashMap<>();
        if (values != null) {
            values.forEach((column, mapping) -> {
                Map<String, String> matched = new LinkedHashMap<>();
                mapping.forEach((from, to) -> matched.put(matchKey(from), to.strip()));
                byColumn.put(column, Map.copyOf(matched));
            });
        }
        values = Map.copyOf(byColumn);
    }

    /** Renamed headers only: UTF-8, the delimiter told from the header line, values as written. */
    public static ReadOptions renames(Map<String, String> columnRenames) {
        return new ReadOptions(columnRenames, null, false, null);
    }

    /** The value to use for a trimmed cell of {@code logicalColumn}: its mapping, else the cell itself. */
    String mapped(String logicalColumn, String trimmed) {
        Map<String, String> mapping = values.get(logicalColumn);
        return mapping == null || trimmed.isEmpty() ? trimmed : mapping.getOrDefault(matchKey(trimmed), trimmed);
    }

    private static String matchKey(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }
}
