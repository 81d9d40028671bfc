package dev.scimsync.emulator;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one filter form the emulator understands, {@code <attribute> eq <value>}: the attribute name and the
 * operator in any case, the value a JSON string (compared ignoring case) or {@code true}/{@code false}.
 * Any other operator, a combination ({@code and}, {@code or}, {@code not}) or an unknown attribute is a
 * 400 {@code invalidFilter}.
 *
 * @param attribute the attribute path, lower-cased, core schema URN prefix removed
 * @param value     the value as text ({@code "true"}/{@code "false"} for booleans)
 */
record Filter(String attribute, String value) {

    private static final Pattern EXPRESSION =
            Pattern.compile("^\\s*([A-Za-z][\\w.:$-]*)\\s+([A-Za-z]+)\\s+(.+?)\\s*$", Pattern.DOTALL);

    /** Parses a filter; null when the parameter is absent or blank. */
    static Filter parse(String expression) {
        if (expression == null || expression.isBlank()) {
            return null;
        }
        Matcher m = EXPRESSION.matcher(expression);
        if (!m.matches()) {
            throw invalid("unsupported filter '" + expression + "'; only <attribute> eq \"value\" is supported");
        }
        if (!m.group(2).equalsIgnoreCase("eq")) {
            throw invalid("unsupported filter operator '" + m.group(2) + "'; only eq is supported");
        }
        return new Filter(PatchOp.stripSchema(m.group(1)).toLowerCase(Locale.ROOT), value(m.group(3), expression));
    }

    /**
     * The predicate for this filter given the filterable attributes of a resource type (lower-case name to
     * attribute getter); 400 {@code invalidFilter} when the attribute is not one of them.
     */
    <T> Predicate<T> predicate(Map<String, Function<T, String>> attributes) {
        Function<T, String> getter = attributes.get(attribute);
        if (getter == null) {
            throw invalid("filtering on '" + attribute + "' is not supported");
        }
        return resource -> value.equalsIgnoreCase(getter.apply(resource));
    }

    /** The predicate of the {@code filter} parameter, null when there is none (see {@link Page#select}). */
    static <T> Predicate<T> predicate(String expression, Map<String, Function<T, String>> attributes) {
        Filter filter = parse(expression);
        return filter == null ? null : filter.predicate(attributes);
    }

    private static String value(String literal, String expression) {
        if (literal.equalsIgnoreCase("true") || literal.equalsIgnoreCase("false")) {
            return literal.toLowerCase(Locale.ROOT);
        }
        String text = literal.startsWith("\"") ? Json.parseStringLiteral(literal) : null;
        if (text == null || !literal.endsWith("\"") || closingQuote(literal) != literal.length() - 1) {
            throw invalid("unsupported filter '" + expression + "'; the value must be one quoted string");
        }
        return text;
    }

    private static int closingQuote(String literal) {
        for (int i = 1; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return -1;
    }

    private static ScimException invalid(String detail) {
        return ScimException.badRequest("invalidFilter", detail);
    }
}
