package dev.scimsync.validate;

/**
 * What a usable email looks like: one {@code @}, something before it, a domain with a dot and no empty label, no
 * whitespace or control characters, at most 254 characters. Letters of any script are allowed.
 */
final class EmailRule {

    static final int MAX_LENGTH = 254;

    private EmailRule() {
    }

    /** Null when the (trimmed, non-empty) email is usable, else what is wrong with it. */
    static String problem(String email) {
        String problem = detail(email);
        return problem == null ? null : "invalid email " + Text.quote(email) + ": " + problem;
    }

    private static String detail(String email) {
        int length = Text.length(email);
        if (length > MAX_LENGTH) {
            return length + " characters (at most " + MAX_LENGTH + ")";
        }
        if (Text.hasControl(email)) {
            return "contains a control character";
        }
        if (Text.hasWhitespace(email)) {
            return "contains a space";
        }
        int at = email.indexOf('@');
        if (at < 0) {
            return "no @";
        }
        if (email.indexOf('@', at + 1) >= 0) {
            return "more than one @";
        }
        if (at == 0) {
            return "nothing before the @";
        }
        String domain = email.substring(at + 1);
        if (!domain.contains(".")) {
            return "the domain needs a dot, like example.com";
        }
        if (domain.startsWith(".") || domain.endsWith(".") || domain.contains("..")) {
            return "the domain " + Text.quote(domain) + " has an empty part";
        }
        return null;
    }
}
