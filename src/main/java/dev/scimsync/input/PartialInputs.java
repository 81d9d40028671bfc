package dev.scimsync.input;

import java.util.List;
import java.util.Locale;

/**
 * A partial input holds some rows only: a {@code failed-<input>.csv} fed back after its rows were fixed, or a file
 * given with {@code --partial}. Its rows are applied like any other, but what it lacks is not absent: the
 * absent-* policies and the row-drop guard are off for it.
 */
public final class PartialInputs {

    /** The column scim-sync adds at the end of a failed-rows file. */
    public static final String REASON = "reason";

    private PartialInputs() {
    }

    /** Whether this header is a failed-rows file's: its last non-empty field is {@code reason}, no column of the kind. */
    public static boolean isFailedRowsFile(InputKind kind, List<String> header) {
        for (int i = header.size() - 1; i >= 0; i--) {
            String field = header.get(i).strip();
            if (!field.isEmpty()) {
                return field.toLowerCase(Locale.ROOT).equals(REASON) && !kind.hasColumn(REASON);
            }
        }
        return false;
    }
}
