package dev.scimsync.validate;

/**
 * A valid users.csv row. {@code null} attributes are not managed: the target keeps what it has.
 *
 * @param emailKey the email in lower case: users match by email case-insensitively
 * @param orgRole  admin, member or viewer in lower case, or null
 * @param removed  {@code active=removed}: the user must leave the organisation (then {@code active} is false)
 */
public record DesiredUser(long line, String email, String emailKey, String userName, String displayName,
                          String orgRole, boolean active, boolean removed) {

    /** A user that stays in the organisation, active or not. */
    public DesiredUser(long line, String email, String emailKey, String userName, String displayName, String orgRole,
                       boolean active) {
        this(line, email, emailKey, userName, displayName, orgRole, active, false);
    }
}
