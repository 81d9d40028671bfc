package dev.scimsync.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Command-line options that win over the job file; {@code null} means "not given". */
public record Overrides(String targetUrl, String dialect, String tokenEnv,
                        Path users, Path teams, Path memberships, Path roles, Path out,
                        Integer concurrency, Integer chunkSize, Double requestsPerSecond) {

    public static Overrides none() {
        return new Overrides(null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Dotted job-file key → the option that set it, for the options given; error messages name the option. */
    Map<String, String> optionsByKey() {
        Map<String, String> given = new LinkedHashMap<>();
        put(given, "target.url", "--target-url", targetUrl);
        put(given, "target.dialect", "--dialect", dialect);
        put(given, "target.token-env", "--token-env", tokenEnv);
        put(given, "inputs.users", "--users", users);
        put(given, "inputs.teams", "--teams", teams);
        put(given, "inputs.memberships", "--memberships", memberships);
        put(given, "inputs.roles", "--roles", roles);
        put(given, "out", "--out", out);
        put(given, "limits.concurrency", "--concurrency", concurrency);
        put(given, "limits.chunk-size", "--chunk-size", chunkSize);
        put(given, "limits.requests-per-second", "--requests-per-second", requestsPerSecond);
        return given;
    }

    private static void put(Map<String, String> given, String key, String option, Object value) {
        if (value != null) {
            given.put(key, option);
        }
    }
}
