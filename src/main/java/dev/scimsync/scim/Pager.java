package dev.scimsync.scim;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Pages a list with {@code startIndex}/{@code count} until {@code totalResults} is reached or a page comes back
 * empty (or short, when the server gives no total). A server that ignores {@code startIndex} would repeat page one
 * forever; that is detected and reported instead.
 */
final class Pager {

    @FunctionalInterface
    interface PageSource<T> {
        ListResponse<T> fetch(int startIndex, int count);
    }

    private Pager() {
    }

    /** @return the number of resources passed to {@code action} */
    static <T> long forEach(PageSource<T> source, int pageSize, Function<T, String> idOf, Consumer<? super T> action,
            String method, String url) {
        long[] seen = {0};
        walk(source, pageSize, idOf, resource -> {
            action.accept(resource);
            seen[0]++;
            return true;
        }, method, url);
        return seen[0];
    }

    /** The first resource that matches, reading no page after the one that holds it. */
    static <T> Optional<T> first(PageSource<T> source, int pageSize, Function<T, String> idOf,
            Predicate<? super T> matches, String method, String url) {
        List<T> found = new ArrayList<>(1);
        walk(source, pageSize, idOf, resource -> {
            if (matches.test(resource)) {
                found.add(resource);
                return false;
            }
            return true;
        }, method, url);
        return found.stream().findFirst();
    }

    /** Hands each resource to {@code visit} in order until it answers false or the list ends. */
    private static <T> void walk(PageSource<T> source, int pageSize, Function<T, String> idOf,
            Predicate<? super T> visit, String method, String url) {
        long seen = 0;
        String firstId = null;
        int startIndex = 1;
        while (true) {
            ListResponse<T> page = source.fetch(startIndex, pageSize);
            List<T> resources = page.resources();
            if (resources.isEmpty()) {
                return;
            }
            String pageFirstId = idOf.apply(resources.get(0));
            if (startIndex == 1) {
                firstId = pageFirstId;
            } else if (firstId != null && Objects.equals(firstId, pageFirstId)) {
                throw new ScimException(method + " " + url + " ignores startIndex: the page at startIndex "
                        + startIndex + " starts again with id " + firstId + "; use a page size at least as large"
                        + " as the number of resources", 200, null, method, url, null);
            }
            for (T resource : resources) {
                if (!visit.test(resource)) {
                    return;
                }
            }
            seen += resources.size();
            startIndex += resources.size();
            boolean done = page.totalResults() != null ? seen >= page.totalResults() : resources.size() < pageSize;
            if (done) {
                return;
            }
        }
    }
}
