package dev.scimsync.state;

/** A user as the target listed it. */
public record RemoteUser(String id, String userName, String email, String displayName, String orgRole,
                         boolean active) {
}
