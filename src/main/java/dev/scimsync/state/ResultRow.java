package dev.scimsync.state;

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

    ResultRow withReason(String joined) {
        return new ResultRow(kind, line, key, opKind, state, targetId, httpStatus, errorType, detail, attempts,
                verified, joined, raw);
    }

    public boolean invalid() {
        return reason != null;
    }
}
