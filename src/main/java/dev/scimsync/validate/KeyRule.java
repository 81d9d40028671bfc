package dev.scimsync.validate;

import dev.scimsync.input.IdentityText;

/**
 * What every identity key (email, username, team name, role name) shares: a bounded length, checked before anything
 * else so that a huge cell costs one short message, and only visible characters (see {@link IdentityText}).
 */
final class KeyRule {

    private KeyRule() {
    }

    /**
     * Null when the key is short enough and visible, else the problem, e.g. {@code invalid email
     * 'alice@example.com<U+200B>': contains U+200B ZERO WIDTH SPACE (invisible) at character 18}.
     *
     * @param what e.g. {@code email}, {@code team name}
     */
    static String problem(String what, String value, int maxLength) {
        int length = TextChecks.length(value);
        if (length > maxLength) {
            return "invalid " + what + " " + TextChecks.quote(value) + ": " + length + " characters (at most " + maxLength
                    + ")";
        }
        String invisible = IdentityText.invisibleProblem(value);
        return invisible == null ? null : "invalid " + what + " " + TextChecks.quote(value) + ": " + invisible
                + "; retype the value (a look-alike key would name another account)";
    }

    /** Null when free text is short enough and has no control character, else the problem. */
    static String freeTextProblem(String what, String value, int maxLength) {
        int length = TextChecks.length(value);
        if (length > maxLength) {
            return what + " " + TextChecks.quote(value) + " is " + length + " characters long (at most " + maxLength + ")";
        }
        String control = IdentityText.controlProblem(value);
        return control == null ? null : what + " " + TextChecks.quote(value) + " " + control;
    }
}
