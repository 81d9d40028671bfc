package dev.scimsync.config;

import java.util.List;

/**
 * A job file (or a stored effective configuration) that cannot be used. Every problem is one line that starts
 * with the job file path and names the key in dotted kebab-case form; the message is those lines joined.
 * Messages never hold stack traces or environment variable values.
 */
public class ConfigException extends RuntimeException {

    private final List<String> problems;

    public ConfigException(String problem) {
        this(List.of(problem), null);
    }

    ConfigException(List<String> problems, Throwable cause) {
        super(String.join(System.lineSeparator(), problems), cause);
        this.problems = List.copyOf(problems);
    }

    /** One line per problem, each starting with the job file path. */
    public List<String> problems() {
        return problems;
    }
}
