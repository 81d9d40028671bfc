package dev.scimsync.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many removals (or dropped input rows) a run may make before a safety limit stops it: a percentage of the
 * managed objects ({@code "5%"}) or a count ({@code 10}). Written and read back as {@code 5%} / {@code 10}.
 */
public record RemovalLimit(boolean percent, double value) {

    private static final Pattern FORM = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*(%?)\\s*");

    public RemovalLimit {
        if (!(value >= 0)) {
            throw new IllegalArgumentException("must not be negative (was " + format(value) + ")");
        }
        if (percent && value > 100) {
            throw new IllegalArgumentException("must be at most 100% (was " + format(value) + "%)");
        }
        if (!percent && (value != Math.rint(value) || value > Long.MAX_VALUE)) {
            throw new IllegalArgumentException("must be a whole count (was " + format(value) + ")");
        }
    }

    public static RemovalLimit percent(double value) {
        return new RemovalLimit(true, value);
    }

    public static RemovalLimit count(long value) {
        return new RemovalLimit(false, value);
    }

    /** A job file or JSON value: a string as {@link #parse}, or a plain number as a count. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static RemovalLimit fromValue(Object value) {
        if (value instanceof String || value instanceof Integer || value instanceof Long) {
            return parse(value.toString());
        }
        if (value instanceof Number n) {
            return new RemovalLimit(false, n.doubleValue());
        }
        throw new IllegalArgumentException("must be a count like 10 or a percentage like 5%");
    }

    /** Parses {@code "5%"}, {@code "2.5%"} or {@code "10"}; anything else is an IllegalArgumentException. */
    public static RemovalLimit parse(String text) {
        if (text != null && text.trim().startsWith("-")) {
            throw new IllegalArgumentException("must not be negative (was '" + text.trim() + "')");
        }
        Matcher m = text == null ? null : FORM.matcher(text);
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException(
                    "must be a count like 10 or a percentage like 5% (was " + (text == null ? "null" : "'" + text + "'") + ")");
        }
        return new RemovalLimit(!m.group(2).isEmpty(), Double.parseDouble(m.group(1)));
    }

    /**
     * The floor of the limit's share of {@code managedCount} objects, or the count itself; what
     * {@code policy.max-row-drop} allows to go missing.
     */
    public long allowed(long managedCount) {
        return percent ? (long) Math.floor(managedCount * value / 100) : (long) value;
    }

    /**
     * The removals of one kind allowed when {@code managedCount} objects of that kind are managed: as
     * {@link #allowed}, except that a percentage above zero never rounds down to zero, so {@code 2%} of a small
     * organisation still lets one leaver go. {@code 0%} and {@code 0} allow none.
     */
    public long allowedRemovals(long managedCount) {
        return percent && value > 0 ? Math.max(1, allowed(managedCount)) : allowed(managedCount);
    }

    @JsonValue
    @Override
    public String toString() {
        return format(value) + (percent ? "%" : "");
    }

    private static String format(double value) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString() : String.valueOf(value);
    }
}
