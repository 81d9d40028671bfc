package dev.scimsync.scim;

/** One e-mail of a user. W&B answers with capitalised keys ({@code Value}, {@code Primary}); reading ignores case. */
public record ScimEmail(String value, String display, String type, Boolean primary) {

    /** The shape W&B documents for a create body: {@code {"primary":true,"value":"u@x.com"}}. */
    public static ScimEmail primary(String value) {
        return new ScimEmail(value, null, null, true);
    }
}
