package dev.scimsync.validate;

import dev.scimsync.input.CsvRow;
import dev.scimsync.input.InputKind;

/**
 * Why one input row cannot be used. The row is reported and skipped; the run goes on.
 *
 * @param file   the file as the user named it
 * @param line   the physical line the row starts on
 * @param column the header text as it appears in the file, or null when the whole row is concerned
 * @param reason what is wrong, naming the bad value
 */
public record RowError(InputKind kind, String file, long line, String column, String reason) {

    /** An error in one logical column of a row, named by the row's own header text for it. */
    public static RowError forColumn(CsvRow row, String logicalColumn, String reason) {
        return new RowError(row.kind(), row.file(), row.line(), row.headerOf(logicalColumn), reason);
    }

    /** An error concerning the whole row. */
    public static RowError forRow(CsvRow row, String reason) {
        return new RowError(row.kind(), row.file(), row.line(), null, reason);
    }

    /** E.g. {@code samples/users.csv line 7, column org_role: unknown org role 'owner' (...)}. */
    @Override
    public String toString() {
        return file + " line " + line + (column == null ? "" : ", column " + column) + ": " + reason;
    }
}
