package dev.scimsync.scim;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Hides API keys in log lines. Every {@link ApiKey} registers its value here when it is made (read from the
 * environment, or generated for the embedded emulator), and the log encoders pass each line they write through
 * {@link #mask}, whatever the logger, level or part of the event (message, arguments, MDC, key-value pairs, stack
 * trace), so a logger turned on by {@code -Dlogging.level...} cannot print a key.
 *
 * <p>A key shows in a line as: itself ({@code Bearer <key>}, the headers log); the bytes HttpClient 5's wire log
 * prints for it; base64 in a {@code Basic} header, of {@code user:key} or {@code :key}, which is the key's base64 at
 * one of the three byte offsets base64 can give it, less the one or two characters it shares with the user name.
 * Each becomes {@value #MASK}. The wire log also cuts a line where its buffer ends, so a run of at least
 * {@value #FRAGMENT} characters that starts or ends a form is masked too.
 */
public final class SecretMask {

    public static final String MASK = "****";
    /** The shortest start or end of a form that is masked on its own. */
    static final int FRAGMENT = 8;
    /** Shorter base64 forms (of a key of one or two characters) would mask ordinary text; the key itself always is. */
    private static final int SHORTEST_DERIVED = 4;

    /** The mask of every log line of this process. */
    private static final SecretMask LOGS = new SecretMask();

    private final Set<String> keys = new LinkedHashSet<>();
    private volatile List<String> forms = List.of();

    SecretMask() {
    }

    /** {@code line} with every key made in this process, in every form it can take, replaced by {@value #MASK}. */
    public static String mask(String line) {
        return LOGS.apply(line);
    }

    /** Called by {@link ApiKey} only: from now on no log line shows {@code key}. */
    static void register(String key) {
        LOGS.add(key);
    }

    synchronized void add(String key) {
        if (key.isEmpty() || !keys.add(key)) {
            return;
        }
        Set<String> plain = new LinkedHashSet<>();
        plain.add(key);
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        for (int offset = 0; offset < 3; offset++) {
            byte[] shifted = new byte[offset + bytes.length];
            System.arraycopy(bytes, 0, shifted, offset, bytes.length);
            // the first characters also encode the bytes before the key (the user name and colon)
            String encoded = Base64.getEncoder().encodeToString(shifted).substring(offset == 0 ? 0 : offset + 1);
            if (encoded.length() >= SHORTEST_DERIVED) {
                plain.add(encoded);
            }
        }
        Set<String> all = new LinkedHashSet<>(forms);
        for (String form : plain) {
            all.add(form);
            all.add(wire(form));
        }
        forms = List.copyOf(all);
    }

    String apply(String line) {
        List<String> current = forms;
        if (line == null || current.isEmpty()) {
            return line;
        }
        boolean[] hidden = null;
        for (String form : current) {
            hidden = hideStarts(line, form, hidden);
            if (form.length() > FRAGMENT) {
                hidden = hideEnds(line, form, hidden);
            }
        }
        if (hidden == null) {
            return line;
        }
        StringBuilder out = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            if (!hidden[i]) {
                out.append(line.charAt(i));
            } else if (i == 0 || !hidden[i - 1]) {
                out.append(MASK);
            }
        }
        return out.toString();
    }

    /** Hides each run that matches the start of {@code form} for at least {@link #FRAGMENT} characters, or all of it. */
    private static boolean[] hideStarts(String line, String form, boolean[] hidden) {
        String start = form.substring(0, Math.min(FRAGMENT, form.length()));
        for (int at = line.indexOf(start); at >= 0; at = line.indexOf(start, at + 1)) {
            int end = at + start.length();
            while (end < line.length() && end - at < form.length() && line.charAt(end) == form.charAt(end - at)) {
                end++;
            }
            hidden = hide(hidden, line.length(), at, end);
        }
        return hidden;
    }

    /** Hides each run that matches the end of {@code form} for at least {@link #FRAGMENT} characters. */
    private static boolean[] hideEnds(String line, String form, boolean[] hidden) {
        String end = form.substring(form.length() - FRAGMENT);
        for (int at = line.indexOf(end); at >= 0; at = line.indexOf(end, at + 1)) {
            int begin = at;
            int inForm = form.length() - FRAGMENT;
            while (begin > 0 && inForm > 0 && line.charAt(begin - 1) == form.charAt(inForm - 1)) {
                begin--;
                inForm--;
            }
            hidden = hide(hidden, line.length(), begin, at + FRAGMENT);
        }
        return hidden;
    }

    private static boolean[] hide(boolean[] hidden, int length, int from, int to) {
        boolean[] marks = hidden != null ? hidden : new boolean[length];
        Arrays.fill(marks, from, to, true);
        return marks;
    }

    /**
     * {@code text} as HttpClient 5 writes it in a header (a character outside printable Latin-1 becomes {@code ?})
     * and its wire log prints those bytes ({@code [0x..]} for a control or non-ASCII byte, read as a signed int).
     */
    static String wire(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            boolean sent = (c >= 0x20 && c <= 0x7E) || (c >= 0xA0 && c <= 0xFF) || c == 0x09;
            int b = sent ? (byte) c : '?';
            if (b < 32 || b >= 127) {
                out.append("[0x").append(Integer.toHexString(b)).append(']');
            } else {
                out.append((char) b);
            }
        }
        return out.toString();
    }
}
