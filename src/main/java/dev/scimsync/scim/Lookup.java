package dev.scimsync.scim;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Finds one resource by an {@code attribute eq "value"} filter on any server: one that filters; one that says in
 * {@code /ServiceProviderConfig} that it does not; one that declines the filter with 400 {@code invalidFilter} (RFC
 * 7644 §3.4.2.2); and one that ignores it and answers a page of everything. The last three are answered by listing
 * the collection up to the page that holds the match. That costs a full listing, but look-ups only follow a 409 or a lost
 * answer, and a wrong "not found" would create a user twice or fail a row that could have been linked.
 */
final class Lookup {

    private static final Logger log = LoggerFactory.getLogger(Lookup.class);

    /** Lists a collection page by page until a resource matches; no page after that one is read. */
    @FunctionalInterface
    interface Listing<T> {
        Optional<T> first(Predicate<T> matches);
    }

    private final BooleanSupplier filtersDeclared;
    /** Collection and attribute pairs ({@code /Users emails.value}) the server declined to filter on. */
    private final Set<String> declined = ConcurrentHashMap.newKeySet();

    /** @param filtersDeclared false once the server's configuration says it does not filter */
    Lookup(BooleanSupplier filtersDeclared) {
        this.filtersDeclared = filtersDeclared;
    }

    <T> Optional<T> find(String collection, String attribute, String value,
            Function<String, ListResponse<T>> filtered, Listing<T> all, Predicate<T> matches) {
        String key = collection + " " + attribute;
        if (filtersDeclared.getAsBoolean() && !declined.contains(key)) {
            try {
                ListResponse<T> page = filtered.apply(ScimFilter.eq(attribute, value));
                Optional<T> match = page.resources().stream().filter(matches).findFirst();
                if (match.isPresent() || !morePagesThanCame(page)) {
                    return match;
                }
                // no match in a page that is not the whole answer: the filter was ignored (or matched loosely)
            } catch (ScimRejectedException e) {
                if (e.status() != 400 || !"invalidFilter".equalsIgnoreCase(e.error().scimType())) {
                    throw e;
                }
                if (declined.add(key)) {
                    log.info("{} declines filters on {} (invalidFilter): looking resources up by listing them",
                            collection, attribute);
                }
            }
        }
        return all.first(matches);
    }

    private static boolean morePagesThanCame(ListResponse<?> page) {
        return page.totalResults() != null && page.totalResults() > page.resources().size();
    }
}
