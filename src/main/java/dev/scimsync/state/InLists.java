package dev.scimsync.state;

import java.util.ArrayList;
import java.util.List;

/** Cuts values into SQL {@code IN (...)} lists of a size every database takes in one statement. */
public final class InLists {

    static final int SIZE = 500;

    private InLists() {
    }

    /** Consecutive views of {@code values}, each of at most {@link #SIZE}. */
    public static <T> List<List<T>> of(List<T> values) {
        List<List<T>> lists = new ArrayList<>();
        for (int from = 0; from < values.size(); from += SIZE) {
            lists.add(values.subList(from, Math.min(values.size(), from + SIZE)));
        }
        return lists;
    }
}
