package dev.scimsync.input;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The rules for text that names an object (an email, a username, a team or role name): what it may hold, how it is
 * shown in a message, and the loose form under which an invalid value still protects whatever it could have meant.
 * <p>
 * An identity key is exact and visible: it may not hold a control character, a Unicode format character (category
 * Cf: zero-width space U+200B, bidi overrides U+202E, a byte-order mark U+FEFF inside the text...) or any separator but
 * the ASCII space (no-break space U+00A0, ideographic space U+3000, line separator U+2028...). Only ASCII spaces at
 * the ends are trimmed. Display names and descriptions may keep format characters (ZWJ and ZWNJ belong in emoji and
 * several scripts), but never control characters.
 */
public final class IdentityText {

    /**
     * The longest loose key kept for protection (a membership's is a team and an email); longer ones cannot name
     * any object a target holds.
     */
    public static final int MAX_LOOSE_KEY = 700;

    private IdentityText() {
    }

    /** The value with ASCII spaces removed from both ends, and nothing else changed. */
    public static String trimSpaces(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && value.charAt(start) == ' ') {
            start++;
        }
        while (end > start && value.charAt(end - 1) == ' ') {
            end--;
        }
        return value.substring(start, end);
    }

    /**
     * Null when the (end-trimmed) identity value holds only visible characters and ASCII spaces, else what is wrong,
     * naming the first offending character as a code point, e.g. {@code U+200B ZERO WIDTH SPACE (invisible)}.
     */
    public static String invisibleProblem(String value) {
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            if (!allowedInKey(c)) {
                return "contains " + describe(c) + " at character " + (value.codePointCount(0, i) + 1);
            }
            i += Character.charCount(c);
        }
        return null;
    }

    /** Null when free text (a display name, a description) holds no control character, else what is wrong. */
    public static String controlProblem(String value) {
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            if (Character.getType(c) == Character.CONTROL) {
                return "contains " + describe(c) + " at character " + (value.codePointCount(0, i) + 1);
            }
            i += Character.charCount(c);
        }
        return null;
    }

    private static boolean allowedInKey(int c) {
        if (c == ' ') {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
                 Character.PARAGRAPH_SEPARATOR, Character.UNASSIGNED, Character.PRIVATE_USE,
                 Character.SURROGATE -> false;
            default -> !Character.isWhitespace(c);
        };
    }

    /** A code point as a person can read it: {@code U+200B ZERO WIDTH SPACE (invisible)}. */
    public static String describe(int c) {
        String name = Character.getName(c);
        String kind = switch (Character.getType(c)) {
            case Character.CONTROL -> " (a control character)";
            case Character.FORMAT -> " (invisible)";
            case Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR ->
                    " (a space other than the ASCII space)";
            default -> Character.isWhitespace(c) ? " (white space)" : "";
        };
        return codePoint(c) + (name == null ? "" : " " + name) + kind;
    }

    /** {@code U+200B}. */
    public static String codePoint(int c) {
        return String.format("U+%04X", c);
    }

    /**
     * The value for a one-line message: every character that a person could not see or that would break the line
     * (control, format, separators other than the ASCII space, private use) written as {@code <U+XXXX>}, so
     * {@code alice@example.com<U+200B>}; cut short with {@code ...} after {@code max} code points.
     */
    public static String visible(String value, int max) {
        StringBuilder shown = new StringBuilder();
        int count = 0;
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            i += Character.charCount(c);
            if (count++ == max) {
                shown.append("...");
                break;
            }
            if (allowedInKey(c)) {
                shown.appendCodePoint(c);
            } else {
                shown.append('<').append(codePoint(c)).append('>');
            }
        }
        return shown.toString();
    }

    /**
     * The loose form of a key: NFKC-normalised, with every invisible character and all white space removed, and
     * case-folded. Two keys that a person could not tell apart on screen have the same loose form; an invalid row's
     * loose key is what it protects from being treated as absent.
     */
    public static String loose(String value) {
        if (value == null) {
            return null;
        }
        String normalised = Normalizer.normalize(value, Normalizer.Form.NFKC);
        StringBuilder kept = new StringBuilder(normalised.length());
        for (int i = 0; i < normalised.length(); ) {
            int c = normalised.codePointAt(i);
            i += Character.charCount(c);
            if (c != ' ' && allowedInKey(c)) {
                kept.appendCodePoint(c);
            }
        }
        // a full case fold: upper then lower case maps the few letters whose lower case alone differs (e.g. ſ, K)
        return kept.toString().toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    /**
     * The loose forms of an email as a person might have written it in a cell: the address inside
     * {@code Name <addr>}, without a {@code mailto:} prefix, without quotes or brackets around it.
     */
    public static String looseEmail(String value) {
        String loose = loose(value);
        if (loose == null) {
            return null;
        }
        int open = loose.lastIndexOf('<');
        int close = loose.indexOf('>', open + 1);
        if (open >= 0 && close > open) {
            loose = loose.substring(open + 1, close);
        }
        if (loose.startsWith("mailto:")) {
            loose = loose.substring("mailto:".length());
        }
        return strip(loose, "\"'()[]<>;:,");
    }

    /** A loose key that is short enough to keep, or null. */
    public static String kept(String looseKey) {
        return looseKey == null || looseKey.isEmpty() || looseKey.length() > MAX_LOOSE_KEY ? null : looseKey;
    }

    private static String strip(String value, String characters) {
        int start = 0;
        int end = value.length();
        while (start < end && characters.indexOf(value.charAt(start)) >= 0) {
            start++;
        }
        while (end > start && characters.indexOf(value.charAt(end - 1)) >= 0) {
            end--;
        }
        return value.substring(start, end);
    }
}
