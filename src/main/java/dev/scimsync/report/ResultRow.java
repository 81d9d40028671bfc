package dev.scimsync.report;

import dev.scimsync.plan.OpKind;
import dev.scimsync.plan.OpState;

/**
 * The outcome of one input row (or of an operation on something no row names, with {@code line} null).
 *
 * @param opKind null when the row called for no operation, or was invalid
 * @param state  null when there is no operation
 * @param reason the validation errors of an invalid row, joined
 */
public record ResultRow(String kind, Long line, String key, OpKind opKind, OpState state, String targetId,
                        Integer httpStatus, String errorType, String detail, int attempts, String verified,
                        String reason, String raw) {

    /** Whether {@code other} is about the same input row (rows without a line are never merged). */
    boolean sameRow(ResultRow other) {
        return line != null && line.equals(other.line) && kind.equals(other.kind);
    }

    /** Joins the reasons of an invalid row; of two operations of one row, keeps the one that went worst. */
    ResultRow merge(ResultRow other) {
        if (invalid() || other.invalid()) {
            String joined = invalid() && other.invalid() ? reason + "; " + other.reason : invalid() ? reason
                    : other.reason;
            return new ResultRow(kind, line, key, null, null, null, null, null, null, 0, null, joined, raw);
        }
        return severity(other.state) > severity(state) ? other : this;
    }

    private static int severity(OpState state) {
        if (state == null) {
            return 0;
        }
        return switch (state) {
            case DONE -> 1;
            case PENDING, SENDING -> 2;
            case BLOCKED -> 3;
            case FAILED -> 4;
        };
    }

    public boolean invalid() {
        return reason != null;
    }
}
