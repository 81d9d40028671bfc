package dev.scimsync.scim;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.stream.Collectors;

/** The three {@code Authorization} forms W&B accepts. */
public enum AuthScheme {

    /** {@code Bearer <key>} (newer servers). */
    BEARER("bearer"),
    /** {@code Basic base64(<username>:<key>)}: a user's key. */
    BASIC("basic"),
    /** {@code Basic base64(:<key>)}: an org-scoped service account's key. */
    BASIC_SERVICE_ACCOUNT("basic-service-account");

    private final String id;

    AuthScheme(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Parses {@code bearer}, {@code basic} or {@code basic-service-account} (case-insensitive). */
    public static AuthScheme parse(String id) {
        String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(scheme -> scheme.id.equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown auth scheme '" + id + "'; valid: "
                        + Arrays.stream(values()).map(AuthScheme::id).collect(Collectors.joining(", "))));
    }

    /** The {@code Authorization} header value; {@code username} is used by {@link #BASIC} only. */
    String headerValue(String username, ApiKey key) {
        return switch (this) {
            case BEARER -> "Bearer " + key.reveal();
            case BASIC -> basic(username + ":" + key.reveal());
            case BASIC_SERVICE_ACCOUNT -> basic(":" + key.reveal());
        };
    }

    private static String basic(String credentials) {
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
