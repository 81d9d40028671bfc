package dev.scimsync.validate;

/**
 * Why an input row was not applied.
 *
 * @param seq    the error's number within its row (a row may break several rules)
 * @param column the column's header as it appears in the file, or null for the whole row
 * @param rowKey the row's key in its loose form (see {@code IdentityText.loose}) when it could be read, so that
 *               the row still protects every object it could have meant from being treated as absent
 * @param raw    the row's fields exactly as read, as a JSON array, to write failed rows back in the input format
 */
public record RowErrorRecord(String kind, long line, int seq, String column, String reason, String rowKey,
                             String raw) {

    /** The longest column header, reason and row key the {@code row_error} table keeps. */
    static final int MAX_COLUMN = 500;
    static final int MAX_REASON = 4000;
    static final int MAX_ROW_KEY = 700;

    /**
     * Cuts what a person's file could make longer than the table holds: a data problem must never fail the chunk
     * that reports it. A row key too long to keep cannot name any object a target holds, so it is dropped.
     */
    public RowErrorRecord {
        column = cut(column, MAX_COLUMN);
        reason = cut(reason, MAX_REASON);
        rowKey = rowKey != null && rowKey.length() > MAX_ROW_KEY ? null : rowKey;
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 3) + "...";
    }
}
