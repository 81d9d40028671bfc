package dev.scimsync.validate;

/**
 * What a usable email looks like: one address alone, at most 254 characters, only visible characters (no space, no
 * invisible or control character), none of the characters an address holds only inside quotes
 * ({@code < > ; : , ( ) [ ] \ "}), one {@code @} with something before it, and a domain with a dot and no empty label.
 * Letters of any script are allowed. {@code Name <addr>} and {@code mailto:addr} are refused with the fix named: a
 * row that names a person some other way than by the address itself must never create a second account.
 */
final class EmailRule {

    static final int MAX_LENGTH = 254;
    private static final String QUOTED_ONLY = "<>;:,()[]\\\"";

    private EmailRule() {
    }

    /** Null when the (trimmed, non-empty) email is usable, else what is wrong with it. */
    static String problem(String email) {
        String key = KeyRule.problem("email", email, MAX_LENGTH);
        if (key != null) {
            return key;
        }
        String problem = detail(email);
        return problem == null ? null : "invalid email " + TextChecks.quote(email) + ": " + problem;
    }

    private static String detail(String email) {
        int open = email.indexOf('<');
        int close = email.indexOf('>', open + 1);
        if (open >= 0 && close > open && email.substring(open + 1, close).contains("@")) {
            return "a name and an address; write the address alone: " + TextChecks.quote(email.substring(open + 1, close));
        }
        if (email.regionMatches(true, 0, "mailto:", 0, 7)) {
            return "remove the mailto: prefix";
        }
        if (email.contains(" ")) {
            return "contains a space (one address per cell, without a name)";
        }
        for (int i = 0; i < email.length(); i++) {
            char c = email.charAt(i);
            if (QUOTED_ONLY.indexOf(c) >= 0) {
                return "contains '" + c + "', which an address never holds unquoted (one address per cell)";
            }
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
            return "the domain " + TextChecks.quote(domain) + " has an empty part";
        }
        return null;
    }
}
