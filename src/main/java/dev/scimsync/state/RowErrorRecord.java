package dev.scimsync.state;

/**
 * Why an input row was not applied.
 *
 * @param seq    the error's number within its row (a row may break several rules)
 * @param column the column's header as it appears in the file, or null for the whole row
 * @param rowKey the row's key (lower-case email, team name...) when it could be read, so that the row still
 *               protects its object from being treated as absent
 * @param raw    the row's fields exactly as read, as a JSON array, to write failed rows back in the input format
 */
public record RowErrorRecord(String kind, long line, int seq, String column, String reason, String rowKey,
                             String raw) {
}
