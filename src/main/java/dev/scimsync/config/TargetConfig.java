package dev.scimsync.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.nio.file.Path;

/**
 * Where to sync to. {@code url} is {@code embedded} (the built-in emulator) or the SCIM base URL of the host.
 * The API key is never here: {@code tokenEnv} names the environment variable that holds it.
 *
 * @param username            sent as {@code username:key} with basic auth; without it the service-account form
 *                            {@code :key}
 * @param proxy               the HTTP proxy to reach the target through, {@code http://host:port}; wins over the
 *                            proxy environment variables and the JVM's proxy properties. Never holds credentials
 * @param proxyCredentialsEnv names the environment variable that holds the proxy's {@code user:password}
 * @param caFile              a PEM bundle of CA certificates trusted for the target, on top of the JVM's own
 * @param graphqlUrl          W&amp;B's GraphQL endpoint (service accounts); null: {@code <host>/graphql}, derived
 *                            from {@code url}
 * @param userDelete          what {@code DELETE /Users/{id}} does on this server: {@code deactivates} (the user stays
 *                            listed, inactive; W&amp;B as first documented) or {@code removes} (the user leaves the
 *                            organisation, and deactivation is PATCH {@code active:false}); the dialect's when not
 *                            given ({@link #defaultUserDelete})
 */
public record TargetConfig(
        @NotBlank(message = "is required")
        @Pattern(regexp = EMBEDDED + "|(?i:https?)://[A-Za-z0-9.\\-\\[\\]:]+(/[^\\s?#]*)?",
                message = "must be 'embedded' or an absolute http/https URL")
        String url,
        @NotNull(message = "is required")
        @Pattern(regexp = "wandb|wandb-saas|scim2", message = "must be one of wandb, wandb-saas, scim2")
        String dialect,
        @NotNull(message = "is required")
        @Pattern(regexp = "basic|bearer", message = "must be one of basic, bearer")
        String auth,
        @NotNull(message = "is required")
        @Pattern(regexp = "[A-Za-z_][A-Za-z0-9_]*", message = "must be an environment variable name like WANDB_API_KEY")
        String tokenEnv,
        @Pattern(regexp = "\\S+", message = "must not be blank or hold spaces")
        String username,
        @Pattern(regexp = PROXY_FORM, message = "must be http://host:port (with the port; the proxy's credentials"
                + " come from the environment, see proxy-credentials-env)")
        String proxy,
        @Pattern(regexp = "[A-Za-z_][A-Za-z0-9_]*", message = "must be an environment variable name like PROXY_AUTH")
        String proxyCredentialsEnv,
        Path caFile,
        @Pattern(regexp = "(?i:https?)://[A-Za-z0-9.\\-\\[\\]:]+(/[^\\s?#]*)?",
                message = "must be an absolute http/https URL")
        String graphqlUrl,
        @Pattern(regexp = "deactivates|removes", message = "must be one of deactivates, removes")
        String userDelete) {

    public static final String EMBEDDED = "embedded";
    public static final String DEFAULT_DIALECT = "wandb";
    public static final String DEFAULT_AUTH = "basic";
    public static final String DEFAULT_TOKEN_ENV = "WANDB_API_KEY";
    /** {@code http://host:port}, the host a name, an IPv4 or a bracketed IPv6 address; no credentials, no path. */
    static final String PROXY_FORM = "(?i:http)://([A-Za-z0-9.\\-]+|\\[[0-9A-Fa-f:.]+\\]):[0-9]{1,5}/?";

    public static final String USER_DELETE_DEACTIVATES = "deactivates";
    public static final String USER_DELETE_REMOVES = "removes";

    public TargetConfig {
        if (userDelete == null && dialect != null) {
            userDelete = defaultUserDelete(dialect);
        }
    }

    /** A target reached directly (or as the environment says), trusting the JVM's CAs. */
    public TargetConfig(String url, String dialect, String auth, String tokenEnv, String username) {
        this(url, dialect, auth, tokenEnv, username, null, null, null, null, null);
    }

    /** A target with its network settings, the GraphQL endpoint derived from {@code url}, and its
     * {@code DELETE /Users/{id}} doing what its dialect says. */
    public TargetConfig(String url, String dialect, String auth, String tokenEnv, String username, String proxy,
                        String proxyCredentialsEnv, Path caFile) {
        this(url, dialect, auth, tokenEnv, username, proxy, proxyCredentialsEnv, caFile, null, null);
    }

    /**
     * What {@code DELETE /Users/{id}} does on a server of the dialect: W&amp;B Dedicated and Self-Managed as first
     * documented deactivate; RFC 7644 (scim2) and W&amp;B multi-tenant, whose deactivation is a PATCH, remove.
     */
    public static String defaultUserDelete(String dialect) {
        return DEFAULT_DIALECT.equals(dialect) ? USER_DELETE_DEACTIVATES : USER_DELETE_REMOVES;
    }

    /** Whether {@code DELETE /Users/{id}} takes the user out of the organisation on this target. */
    public boolean userDeleteRemoves() {
        return USER_DELETE_REMOVES.equals(userDelete);
    }

    /** True when the run uses the built-in emulator instead of a real host. */
    public boolean embedded() {
        return EMBEDDED.equals(url);
    }
}
