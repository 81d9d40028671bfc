package dev.scimsync.report;

import dev.scimsync.plan.OpKind;
import dev.scimsync.report.ResultRow;

/**
 * The one-word status of an input row in results.csv. {@link #MANUAL}: a change no SCIM call of the target makes (a
 * user's removal from the organisation where DELETE only deactivates), left to a person.
 */
public enum RowStatus {
    CREATED, UPDATED, REACTIVATED, DEACTIVATED, REMOVED, DELETED, UNCHANGED, INVALID, FAILED, BLOCKED, MANUAL,
    PLANNED, PENDING;

    public static RowStatus of(ResultRow row, boolean planOnly) {
        if (row.invalid()) {
            return INVALID;
        }
        if (row.state() == null) {
            return UNCHANGED;
        }
        if ("mismatch".equals(row.verified())) {
            return FAILED;
        }
        return switch (row.state()) {
            case DONE -> valueOf(row.opKind().doneStatus().toUpperCase(java.util.Locale.ROOT));
            case FAILED -> FAILED;
            case BLOCKED -> row.opKind() == OpKind.REMOVE_IN_ADMIN_UI ? MANUAL : BLOCKED;
            case PENDING, SENDING -> planOnly ? PLANNED : PENDING;
        };
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The status whose {@link #label()} this is. */
    public static RowStatus ofLabel(String label) {
        return valueOf(label.toUpperCase(java.util.Locale.ROOT));
    }

    /** Whether rows with this status need a person: any of them makes a finished run end with exit code 1. */
    public boolean needsAttention() {
        return this == INVALID || this == FAILED || this == BLOCKED || this == MANUAL || this == PENDING;
    }
}
