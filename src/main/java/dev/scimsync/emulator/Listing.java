package dev.scimsync.emulator;

import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * How the list endpoints answer: the most resources one page holds, and whether the {@code filter} parameter is
 * understood at all. Strict or small servers differ here, and a client must cope with both.
 *
 * @param maxResults      the page size the server never exceeds, whatever {@code count} asks for
 * @param filterSupported false for a server without filtering, which declines every {@code filter} with 400
 *                        {@code invalidFilter} instead of returning unfiltered results a client could mistake for
 *                        matches
 */
record Listing(int maxResults, boolean filterSupported) {

    static Listing of(EmulatorOptions options) {
        return new Listing(options.maxResults(), options.filterSupported());
    }

    Page page(ScimRequest request) {
        return Page.from(request, maxResults);
    }

    /** The predicate of the request's {@code filter}, null when there is none (see {@link Page#select}). */
    <T> Predicate<T> filter(ScimRequest request, Map<String, Function<T, String>> attributes) {
        String expression = request.param("filter");
        if (!filterSupported && expression != null && !expression.isBlank()) {
            throw ScimException.badRequest("invalidFilter", "this server does not support filtering;"
                    + " list without a filter");
        }
        return Filter.predicate(expression, attributes);
    }
}
