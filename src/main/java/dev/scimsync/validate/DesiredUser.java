package dev.scimsync.validate;

/**
 * A user as the input wants it, normalised.
 *
 * @param line        the physical line of the row, for messages and results
 * @param email       the email as written (trimmed)
 * @param emailKey    the email lower-cased (Locale.ROOT): the key users are matched on
 * @param userName    null when the row leaves it empty (callers derive one)
 * @param displayName null when not managed
 * @param orgRole     null when not managed, else {@code admin}, {@code member} or {@code viewer}
 * @param active      whether the user must be active (an empty value means true)
 */
public record DesiredUser(long line, String email, String emailKey, String userName, String displayName,
                          String orgRole, boolean active) {
}
