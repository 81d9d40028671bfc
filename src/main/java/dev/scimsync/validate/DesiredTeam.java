package dev.scimsync.validate;

/** A valid teams.csv row: a team that must exist. {@code nameKey} is the name in lower case. */
public record DesiredTeam(long line, String name, String nameKey) {
}
