package dev.scimsync.validate;

/** Helpers for checking text values and showing them in messages. */
final class Text {

    private static final int SHOWN = 60;

    private Text() {
    }

    /**
     * The value in single quotes, safe for a one-line message: control characters escaped, values longer than
     * about 60 characters cut short with {@code ...}.
     */
    static String quote(String value) {
        StringBuilder shown = new StringBuilder("'");
        int count = 0;
        for (int i = 0; i < value.length(); i = value.offsetByCodePoints(i, 1)) {
            if (count++ == SHOWN) {
                shown.append("...");
                break;
            }
            int c = value.codePointAt(i);
            switch (c) {
                case '\n' -> shown.append("\\n");
                case '\r' -> shown.append("\\r");
                case '\t' -> shown.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        shown.append(String.format("\\u%04X", c));
                    } else {
                        shown.appendCodePoint(c);
                    }
                }
            }
        }
        return shown.append('\'').toString();
    }

    static boolean hasControl(String value) {
        return value.codePoints().anyMatch(Character::isISOControl);
    }

    static boolean hasWhitespace(String value) {
        return value.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c));
    }

    static int length(String value) {
        return value.codePointCount(0, value.length());
    }
}
