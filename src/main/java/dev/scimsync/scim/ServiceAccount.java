package dev.scimsync.scim;

/**
 * A team's service account as W&amp;B's team query lists it: its user id and its description (the member's
 * {@code name}). Never its API key: the query does not ask for it.
 */
public record ServiceAccount(String id, String description) {
}
