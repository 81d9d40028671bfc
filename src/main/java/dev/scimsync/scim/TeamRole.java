package dev.scimsync.scim;

/** A W&B team role of a user: {@code admin}/{@code member}/{@code viewer} or a custom role name. */
public record TeamRole(String teamName, String roleName) {
}
