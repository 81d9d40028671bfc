package dev.scimsync.validate;

import dev.scimsync.input.IdentityText;

/** Helpers for checking text values and showing them in messages. */
final class TextChecks {

    private static final int SHOWN = 60;

    private TextChecks() {
    }

    /**
     * The value in single quotes, safe for a one-line message: every character a person could not see (control and
     * format characters, spaces other than the ASCII space) written as a code point, {@code 'alice@example.com<U+200B>'},
     * values longer than 60 characters cut short with {@code ...}.
     */
    static String quote(String value) {
        return "'" + IdentityText.visible(value, SHOWN) + "'";
    }

    /**
     * A value's length as the state database counts it: in UTF-16 units (a letter outside the basic plane, such as
     * an emoji, counts twice), so that a value within its documented maximum always fits its column.
     */
    static int length(String value) {
        return value.length();
    }
}
