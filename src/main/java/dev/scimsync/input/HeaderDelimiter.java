package dev.scimsync.input;

import java.io.BufferedReader;
import java.io.IOException;

/**
 * Tells a file's delimiter from its header line, the first line with a character other than delimiters, quotes
 * and spaces: of {@code ,}, {@code ;} and tab, outside quotes, the one that splits it into the most columns wins,
 * comma on a tie (so a one-column header is comma-separated). Only the header is looked at: a data row full of
 * semicolons inside names does not change a comma file's mind.
 */
final class HeaderDelimiter {

    /** How far into the file the header line is looked for; a header is far shorter. */
    static final int LOOK_AHEAD = 64 * 1024;
    private static final String CANDIDATES = ",;\t";

    private HeaderDelimiter() {
    }

    /** Reads the header line and resets {@code text} to where it was. */
    static char detect(BufferedReader text) throws IOException {
        text.mark(LOOK_AHEAD);
        try {
            return detect(text, LOOK_AHEAD);
        } finally {
            text.reset();
        }
    }

    private static char detect(BufferedReader text, int limit) throws IOException {
        int[] counts = new int[CANDIDATES.length()];
        boolean quoted = false;
        boolean content = false;
        for (int i = 0, c; i < limit && (c = text.read()) >= 0; i++) {
            if (c == '"') {
                quoted = !quoted;
            } else if (quoted) {
                content |= !Character.isWhitespace(c);
            } else if (c == '\n' || c == '\r') {
                if (content) {
                    break;
                }
                counts = new int[CANDIDATES.length()];
            } else if (CANDIDATES.indexOf(c) >= 0) {
                counts[CANDIDATES.indexOf(c)]++;
            } else {
                content |= !Character.isWhitespace(c) && c != '\uFEFF';
            }
        }
        int best = 0;
        for (int i = 1; i < counts.length; i++) {
            if (counts[i] > counts[best]) {
                best = i;
            }
        }
        return CANDIDATES.charAt(best);
    }
}
