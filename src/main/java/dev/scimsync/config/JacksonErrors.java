package dev.scimsync.config;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/** Turns Jackson's exceptions into one-line problems that name the dotted key, without file prefix or stack. */
final class JacksonErrors {

    private static final Pattern TAB = Pattern.compile("(?i)\\btab\\b");
    private static final Pattern AT = Pattern.compile(" \\(line (\\d+)(?:, column (\\d+))?\\)");

    /** Problems by the line and column they name (see {@link #at}); those naming none last, in their order. */
    static final Comparator<String> BY_POSITION = Comparator.comparingLong(JacksonErrors::position);

    private JacksonErrors() {
    }

    /** {@code keys}: where each dotted key was written, for the problems that concern a key rather than a value. */
    static String describe(JacksonException e, Map<String, TokenStreamLocation> keys) {
        String key = dotted(e.getPath().stream()
                .map(r -> r.getPropertyName() != null ? r.getPropertyName() : (Object) r.getIndex()).toList());
        String at = at(e.getLocation());
        if (e instanceof UnrecognizedPropertyException u) {
            String known = u.getKnownPropertyIds().stream().map(String::valueOf).collect(Collectors.joining(", "));
            return "unknown key '" + key + "'" + at(keys.getOrDefault(key, e.getLocation())) + "; expected one of " + known;
        }
        if (e instanceof ValueInstantiationException && e.getCause() instanceof IllegalArgumentException cause) {
            return key + " " + cause.getMessage() + at;
        }
        if (e instanceof InvalidFormatException f) {
            return key + " " + wrongValue(f.getTargetType(), f.getValue()) + at;
        }
        if (e instanceof MismatchedInputException m) {
            return (key.isEmpty() ? "the job file" : key) + " " + expected(m.getTargetType()) + at;
        }
        if (e instanceof StreamReadException) {
            return malformed(e);
        }
        return (key.isEmpty() ? "" : key + ": ") + firstLine(e.getOriginalMessage()) + at;
    }

    /**
     * Malformed YAML, placed where the YAML parser found the problem (Jackson's own location is where the parser's
     * last token started, often the line before). A tab, which YAML does not take for indentation, is named.
     */
    static String malformed(JacksonException e) {
        String at = at(e.getLocation());
        if (e.getCause() instanceof MarkedYamlEngineException m && m.getProblemMark().isPresent()) {
            Mark mark = m.getProblemMark().get();
            at = " (line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ")";
            if (m.getProblem() != null && TAB.matcher(m.getProblem()).find()) {
                return "a tab character (U+0009) where YAML expects spaces: indent with spaces, not tabs" + at;
            }
        }
        return "malformed YAML: " + firstLine(e.getOriginalMessage()) + at;
    }

    /** {@code " (line 7, column 3)"}, or empty when the parser does not know the position. */
    static String at(TokenStreamLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        String column = location.getColumnNr() > 0 ? ", column " + location.getColumnNr() : "";
        return " (line " + location.getLineNr() + column + ")";
    }

    private static long position(String problem) {
        Matcher m = AT.matcher(problem);
        if (!m.find()) {
            return Long.MAX_VALUE;
        }
        return Long.parseLong(m.group(1)) * 1_000_000L + (m.group(2) == null ? 0 : Long.parseLong(m.group(2)));
    }

    /** Names and indexes as {@code policy.protected-users[2]}. */
    static String dotted(List<?> segments) {
        StringBuilder key = new StringBuilder();
        for (Object s : segments) {
            if (s instanceof Integer i) {
                key.append('[').append(i).append(']');
            } else {
                key.append(key.isEmpty() ? "" : ".").append(s);
            }
        }
        return key.toString();
    }

    /** What a value of {@code type} must be, and the value that was given: {@code must be a whole number (was 'x')}. */
    static String wrongValue(Class<?> type, Object value) {
        if (type != null && type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))
                    + " (was " + quoted(value) + ")";
        }
        return expected(type) + " (was " + quoted(value) + ")";
    }

    static String expected(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type == Integer.class || type == int.class || type == Long.class) {
            return "must be a whole number";
        }
        if (type == Double.class || type == double.class) {
            return "must be a number";
        }
        if (type == String.class || type == RemovalLimit.class || type == TimeLimit.class) {
            return "must be a single value, not a list or mapping";
        }
        if (List.class.isAssignableFrom(type)) {
            return "must be a list";
        }
        return "must be a mapping of keys";
    }

    private static String quoted(Object value) {
        return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
    }

    /** The parser's own words without its source excerpts: snakeyaml indents those and the "in reader" lines. */
    private static String firstLine(String message) {
        String words = message == null ? "" : message.lines()
                .filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                .map(l -> l.replaceAll("\\s*\\((?:java|tools)\\.[\\w.$]+\\)", "").strip())
                .collect(Collectors.joining("; "));
        return words.isEmpty() ? "unreadable" : words;
    }
}
