package dev.scimsync.config;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Where to sync to. {@code url} is {@code embedded} (the built-in emulator) or the SCIM base URL of the host.
 * The API key is never here: {@code tokenEnv} names the environment variable that holds it.
 *
 * @param username sent as {@code username:key} with basic auth; without it the service-account form {@code :key}
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
        String username) {

    public static final String EMBEDDED = "embedded";
    public static final String DEFAULT_DIALECT = "wandb";
    public static final String DEFAULT_AUTH = "basic";
    public static final String DEFAULT_TOKEN_ENV = "WANDB_API_KEY";

    /** True when the run uses the built-in emulator instead of a real host. */
    public boolean embedded() {
        return EMBEDDED.equals(url);
    }
}
