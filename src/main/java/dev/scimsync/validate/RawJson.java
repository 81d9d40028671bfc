package dev.scimsync.validate;

import java.util.List;

/**
 * A row's raw fields as a JSON array of strings, written by hand because it is done for every input row: the same
 * text Jackson writes: quotes, backslashes and control characters escaped (with the short form where JSON has one,
 * such as backslash-n, else as a six-character unicode escape in upper-case hex); everything else as is.
 */
final class RawJson {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private RawJson() {
    }

    static String array(List<String> values) {
        int length = 2;
        for (String value : values) {
            length += value == null ? 5 : value.length() + 3;
        }
        StringBuilder json = new StringBuilder(length + 8);
        json.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            String value = values.get(i);
            if (value == null) {
                json.append("null");
            } else {
                string(json, value);
            }
        }
        return json.append(']').toString();
    }

    private static void string(StringBuilder json, String value) {
        json.append('"');
        int plain = 0;
        for (int i = 0, n = value.length(); i < n; i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            json.append(value, plain, i);
            plain = i + 1;
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\b' -> json.append("\\b");
                case '\t' -> json.append("\\t");
                case '\n' -> json.append("\\n");
                case '\f' -> json.append("\\f");
                case '\r' -> json.append("\\r");
                default -> json.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        json.append(value, plain, value.length()).append('"');
    }
}
