package dev.scimsync.scim;

/** Builds the only filter form W&B understands: {@code attribute eq "value"}. */
public final class ScimFilter {

    private ScimFilter() {
    }

    public static String eq(String attribute, String value) {
        return attribute + " eq " + quote(value);
    }

    /** A SCIM string literal: double quotes, with {@code "} and {@code \} escaped. */
    static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
