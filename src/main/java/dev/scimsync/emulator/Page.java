package dev.scimsync.emulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

/**
 * RFC 7644 paging: {@code startIndex} is 1-based (default 1, values below 1 count as 1), {@code count} defaults
 * to and is capped at the server's page size, at most {@value #MAX_COUNT} (negative values count as 0).
 */
record Page(int startIndex, int count) {

    static final int MAX_COUNT = 9999;
    static final String LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

    static Page from(ScimRequest request, int maxCount) {
        int startIndex = Math.max(1, number(request.param("startIndex"), 1));
        int count = Math.min(maxCount, Math.max(0, number(request.param("count"), maxCount)));
        return new Page(startIndex, count);
    }

    /**
     * The resources that pass the filter (all of them when it is null), counted, and the ones of this page, in
     * collection order. Without a filter only the resources up to the end of the page are visited.
     */
    <T> Selection<T> select(Collection<T> all, Predicate<T> filter) {
        int total = 0;
        List<T> items = new ArrayList<>(Math.min(count, all.size()));
        for (T item : all) {
            if (filter == null || filter.test(item)) {
                total++;
                if (total >= startIndex && items.size() < count) {
                    items.add(item);
                } else if (filter == null && total >= startIndex) {
                    break;
                }
            }
        }
        return new Selection<>(filter == null ? all.size() : total, items);
    }

    /**
     * A ListResponse around already serialised resources; {@code itemsPerPage} is the number of resources in
     * this page. Assembled from bytes: the envelope holds only numbers and a constant.
     */
    byte[] render(int totalResults, List<byte[]> resources) {
        byte[] head = ("{\"schemas\":[\"" + LIST_SCHEMA + "\"],\"totalResults\":" + totalResults + ",\"startIndex\":"
                + startIndex + ",\"itemsPerPage\":" + resources.size() + ",\"Resources\":[")
                .getBytes(StandardCharsets.US_ASCII);
        int size = head.length + Math.max(0, resources.size() - 1) + 2;
        for (byte[] json : resources) {
            size += json.length;
        }
        byte[] list = new byte[size];
        System.arraycopy(head, 0, list, 0, head.length);
        int at = head.length;
        for (int i = 0; i < resources.size(); i++) {
            if (i > 0) {
                list[at++] = ',';
            }
            byte[] json = resources.get(i);
            System.arraycopy(json, 0, list, at, json.length);
            at += json.length;
        }
        list[at++] = ']';
        list[at] = '}';
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
