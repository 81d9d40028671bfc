package dev.scimsync.scim;

import java.util.Map;

/**
 * An API key. It never shows in {@code toString()}, logs or exception messages; only the auth interceptor reads
 * it. Keys come from an environment variable named in the configuration, never from the configuration itself.
 * Making one registers it with {@link SecretMask}, so from then on no log line can show it, in any form.
 */
public final class ApiKey {

    private final String value;

    private ApiKey(String value) {
        this.value = value;
        SecretMask.register(value);
    }

    public static ApiKey of(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an API key must not be empty");
        }
        return new ApiKey(value.strip());
    }

    /**
     * Reads the key from {@code env} (usually {@code System.getenv()}).
     *
     * @throws MissingCredentialException naming the variable (never a value) when it is unset or blank
     */
    public static ApiKey fromEnvironment(String variable, Map<String, String> env) {
        if (variable == null || variable.isBlank()) {
            throw new MissingCredentialException("no environment variable is named for the API key");
        }
        String value = env.get(variable);
        if (value == null) {
            throw new MissingCredentialException("the API key variable " + variable + " is not set");
        }
        if (value.isBlank()) {
            throw new MissingCredentialException("the API key variable " + variable + " is empty");
        }
        return new ApiKey(value.strip());
    }

    String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ApiKey key && key.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "ApiKey[****]";
    }
}
