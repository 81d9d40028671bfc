package dev.scimsync.report;

import java.util.ArrayList;
import java.util.List;

/** The first {@link #LIMIT} lines of a list, as report.html shows them, and how many there were in all. */
final class FirstLines<T> {

    /** Lines of each list that the page shows; the CSV files have them all. */
    static final int LIMIT = 500;

    final List<T> lines = new ArrayList<>();
    long total;

    void add(T line) {
        if (lines.size() < LIMIT) {
            lines.add(line);
        }
        total++;
    }

    long more() {
        return total - lines.size();
    }
}
