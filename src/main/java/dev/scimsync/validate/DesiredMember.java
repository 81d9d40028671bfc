package dev.scimsync.validate;

/**
 * A valid memberships.csv row.
 *
 * @param role admin, member or viewer in lower case, or a custom role's exact name; null leaves the team role alone
 */
public record DesiredMember(long line, String team, String teamKey, String email, String emailKey, String role) {
}
