package dev.scimsync.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * RFC 7644 paging: {@code startIndex} is 1-based (default 1, values below 1 count as 1), {@code count} defaults
 * to and is capped at {@value #MAX_COUNT} (negative values count as 0).
 */
record Page(int startIndex, int count) {

    static final int MAX_COUNT = 9999;
    static final String LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

    static Page from(ScimRequest request) {
        int startIndex = Math.max(1, number(request.param("startIndex"), 1));
        int count = Math.min(MAX_COUNT, Math.max(0, number(request.param("count"), MAX_COUNT)));
        return new Page(startIndex, count);
    }

    /** The resources that pass the filter, counted, and the ones of this page, in collection order. */
    <T> Selection<T> select(Iterable<T> all, Predicate<T> filter) {
        int total = 0;
        List<T> items = new ArrayList<>();
        for (T item : all) {
            if (filter.test(item)) {
                total++;
                if (total >= startIndex && items.size() < count) {
                    items.add(item);
                }
            }
        }
        return new Selection<>(total, items);
    }

    /** A ListResponse; {@code itemsPerPage} is the number of resources in this page. */
    ObjectNode render(int totalResults, List<? extends JsonNode> resources) {
        ObjectNode list = Json.object();
        list.putArray("schemas").add(LIST_SCHEMA);
        list.put("totalResults", totalResults);
        list.put("startIndex", startIndex);
        list.put("itemsPerPage", resources.size());
        ArrayNode array = list.putArray("Resources");
        resources.forEach(array::add);
        return list;
    }

    record Selection<T>(int total, List<T> items) {
    }

    private static int number(String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ScimException.invalidValue("paging parameters must be integers, was '" + value + "'");
        }
    }
}
