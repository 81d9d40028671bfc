package dev.scimsync.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A time limit of the job file ({@code limits.connect-timeout}, {@code limits.read-timeout}): {@code 30s},
 * {@code 500ms}, {@code 2m}, or a plain number of seconds. Written and read back in the shortest of those forms.
 */
public record TimeLimit(Duration duration) {

    static final Duration SHORTEST = Duration.ofMillis(100);
    static final Duration LONGEST = Duration.ofMinutes(10);
    private static final Pattern FORM = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*(ms|s|m)?\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final String FORMS = "must be a time like 30s, 500ms or 2m, from 100ms to 10m";

    public TimeLimit {
        if (duration == null || duration.compareTo(SHORTEST) < 0 || duration.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException(FORMS + " (was " + (duration == null ? "nothing" : format(duration))
                    + ")");
        }
    }

    public static TimeLimit ofSeconds(long seconds) {
        return new TimeLimit(Duration.ofSeconds(seconds));
    }

    /** A job file or JSON value: a string as {@link #parse}, or a plain number of seconds. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static TimeLimit fromValue(Object value) {
        if (value instanceof String || value instanceof Number) {
            return parse(value.toString());
        }
        throw new IllegalArgumentException(FORMS);
    }

    /** Parses {@code "30s"}, {@code "1.5s"}, {@code "500ms"}, {@code "2m"} or {@code "30"} (seconds). */
    public static TimeLimit parse(String text) {
        Matcher m = text == null ? null : FORM.matcher(text);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException(FORMS + " (was " + (text == null ? "nothing" : "'" + text + "'") + ")");
        }
        BigDecimal amount = new BigDecimal(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2).toLowerCase(Locale.ROOT);
        BigDecimal millis = switch (unit) {
            case "ms" -> amount;
            case "m" -> amount.multiply(BigDecimal.valueOf(60_000));
            default -> amount.multiply(BigDecimal.valueOf(1_000));
        };
        if (millis.compareTo(BigDecimal.valueOf(LONGEST.toMillis())) > 0) {
            throw new IllegalArgumentException(FORMS + " (was '" + text.strip() + "')");
        }
        if (millis.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException(FORMS + ", in whole milliseconds (was '" + text.strip() + "')");
        }
        try {
            return new TimeLimit(Duration.ofMillis(millis.longValueExact()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(FORMS + " (was '" + text.strip() + "')");
        }
    }

    @JsonValue
    @Override
    public String toString() {
        return format(duration);
    }

    private static String format(Duration d) {
        long millis = d.toMillis();
        if (millis % 60_000 == 0 && millis > 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1_000 == 0) {
            return millis / 1_000 + "s";
        }
        return millis + "ms";
    }
}
