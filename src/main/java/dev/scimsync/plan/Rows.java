package dev.scimsync.plan;

import java.util.function.Consumer;

/**
 * Rows handed to a decision one at a time, in the order the caller reads them: a planner streams a large table
 * through it without holding it, a test hands over a list ({@code list::forEach}).
 */
@FunctionalInterface
interface Rows<T> {

    /** Gives every row to {@code action}, in order; may be called once only. */
    void forEach(Consumer<? super T> action);
}
