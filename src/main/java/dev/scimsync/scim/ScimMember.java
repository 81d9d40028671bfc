package dev.scimsync.scim;

/** A group member: {@code value} is the user id (W&B also accepts an e-mail), {@code display} its user name. */
public record ScimMember(String value, String display) {

    public static ScimMember of(String userId) {
        return new ScimMember(userId, null);
    }
}
