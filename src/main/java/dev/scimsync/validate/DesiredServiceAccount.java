package dev.scimsync.validate;

/**
 * A valid service-accounts.csv row: a service account with this description must exist in this team.
 *
 * @param teamKey     the team's name in lower case
 * @param description trimmed and in Unicode NFC, compared exactly with the target's
 */
public record DesiredServiceAccount(long line, String team, String teamKey, String description) {

    /** The object a plan operation and a row's results are about: {@code team/description}. */
    public String key() {
        return teamKey + "/" + description;
    }
}
