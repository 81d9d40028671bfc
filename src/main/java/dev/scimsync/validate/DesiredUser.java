package dev.scimsync.validate;

/**
 * A valid users.csv row. {@code null} attributes are not managed: the target keeps what it has.
 *
 * @param emailKey the email in lower case: users match by email case-insensitively
 * @param orgRole  admin, member or viewer in lower case, or null
 */
public record DesiredUser(long line, String email, String emailKey, String userName, String displayName,
                          String orgRole, boolean active) {
}
