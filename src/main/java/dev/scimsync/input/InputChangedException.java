package dev.scimsync.input;

/** {@code apply --plan RUN} found an input file that differs from the one the plan was made from. */
public class InputChangedException extends RuntimeException {

    public InputChangedException(String message) {
        super(message);
    }
}
