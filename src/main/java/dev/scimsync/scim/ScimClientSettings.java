package dev.scimsync.scim;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything a {@link ScimClient} needs, checked on construction. {@code basicUsername} is used only by
 * {@link AuthScheme#BASIC}; {@code requestsPerSecond} 0 means unlimited; {@code pageSize} 0 means the dialect's.
 * {@code proxy} null means direct; {@code caBundle} null means the JVM's CAs alone; {@code graphqlUrl} null means
 * W&amp;B's GraphQL endpoint is derived from the base URL ({@link #graphqlEndpoint()}). {@code toString()} masks the key
 * and the proxy's credentials. {@code userDeleteRemoves} says what {@code DELETE /Users/{id}} does on the target
 * (null: what the dialect says, {@link ScimDialect#deleteRemovesUsers()}).
 */
public record ScimClientSettings(
        String baseUrl,
        String dialect,
        AuthScheme auth,
        String basicUsername,
        ApiKey apiKey,
        Duration connectTimeout,
        Duration readTimeout,
        int maxConcurrency,
        int maxAttempts,
        double requestsPerSecond,
        int pageSize,
        Duration initialBackoff,
        Duration maxBackoff,
        HttpProxy proxy,
        CaBundle caBundle,
        String graphqlUrl,
        Boolean userDeleteRemoves) {

    public ScimClientSettings {
        baseUrl = checkedBaseUrl(baseUrl);
        dialect = ScimDialect.of(dialect).id();
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(apiKey, "apiKey");
        if (auth == AuthScheme.BASIC && (basicUsername == null || basicUsername.isBlank())) {
            throw new IllegalArgumentException("auth 'basic' needs a username; use 'basic-service-account' for a"
                    + " service account key");
        }
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
        requirePositive(maxBackoff, "maxBackoff");
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        if (initialBackoff.isNegative() || initialBackoff.compareTo(maxBackoff) > 0) {
            throw new IllegalArgumentException("initialBackoff must be between 0 and maxBackoff, was " + initialBackoff);
        }
        if (maxConcurrency < 1 || maxConcurrency > 256) {
            throw new IllegalArgumentException("maxConcurrency must be 1..256, was " + maxConcurrency);
        }
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw new IllegalArgumentException("maxAttempts must be 1..20, was " + maxAttempts);
        }
        if (!(requestsPerSecond >= 0) || Double.isInfinite(requestsPerSecond)) {
            throw new IllegalArgumentException("requestsPerSecond must be >= 0 (0 = unlimited), was "
                    + requestsPerSecond);
        }
        if (proxy == null) {
            proxy = HttpProxy.direct("no proxy is set");
        }
        graphqlUrl = graphqlUrl == null || graphqlUrl.isBlank() ? null : checkedUrl(graphqlUrl, "GraphQL");
        if (userDeleteRemoves == null) {
            userDeleteRemoves = ScimDialect.of(dialect).deleteRemovesUsers();
        }
        if (pageSize < 0) {
            throw new IllegalArgumentException("pageSize must be >= 0 (0 = the dialect's), was " + pageSize);
        }
    }

    /** Defaults: dialect {@code wandb}, bearer auth, 5 s connect, 30 s read, 4 threads, 5 attempts, no rate limit. */
    public static Builder builder(String baseUrl, ApiKey apiKey) {
        return new Builder(baseUrl, apiKey);
    }

    public ScimDialect scimDialect() {
        return ScimDialect.of(dialect);
    }

    /** The page size of list requests: the configured one, else the dialect's. */
    public int effectivePageSize() {
        return pageSize > 0 ? pageSize : scimDialect().pageSize();
    }

    /**
     * W&amp;B's GraphQL endpoint, for what SCIM has no call for (service accounts): the one given, else
     * {@code <host>/graphql} where the SCIM base is {@code <host>/scim} or {@code <host>/scim/v2}, else the base URL's
     * origin with {@code /graphql}.
     */
    public String graphqlEndpoint() {
        if (graphqlUrl != null) {
            return graphqlUrl;
        }
        String host = baseUrl.replaceFirst("(?i)/scim(/v2)?$", "");
        if (host.equals(baseUrl)) {
            URI uri = URI.create(baseUrl);
            host = uri.getScheme() + "://" + uri.getRawAuthority();
        }
        return host + "/graphql";
    }

    private static String checkedBaseUrl(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("the target URL is missing");
        }
        return checkedUrl(baseUrl, "target");
    }

    private static String checkedUrl(String given, String what) {
        String baseUrl = given;
        String url = baseUrl.strip().replaceAll("/+$", "");
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException malformed) {
            throw new IllegalArgumentException("the " + what + " URL is not a valid URL: " + baseUrl, malformed);
        }
        if (!("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                || uri.getHost() == null) {
            throw new IllegalArgumentException("the " + what + " URL must be http(s)://host[:port]/path, was "
                    + baseUrl);
        }
        if (uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException("the " + what + " URL must not have a query or fragment, was "
                    + baseUrl);
        }
        return url;
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
    }

    /** Builds {@link ScimClientSettings}; {@link #build()} validates. */
    public static final class Builder {
        private final String baseUrl;
        private final ApiKey apiKey;
        private String dialect = "wandb";
        private AuthScheme auth = AuthScheme.BEARER;
        private String basicUsername;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration readTimeout = Duration.ofSeconds(30);
        private int maxConcurrency = 4;
        private int maxAttempts = 5;
        private double requestsPerSecond;
        private int pageSize;
        private Duration initialBackoff = Duration.ofMillis(200);
        private Duration maxBackoff = Duration.ofSeconds(10);
        private HttpProxy proxy;
        private CaBundle caBundle;
        private String graphqlUrl;
        private Boolean userDeleteRemoves;

        private Builder(String baseUrl, ApiKey apiKey) {
            this.baseUrl = baseUrl;
            this.apiKey = apiKey;
        }

        public Builder dialect(String dialect) {
            this.dialect = dialect;
            return this;
        }

        /** {@code basicUsername} is needed for {@link AuthScheme#BASIC} only. */
        public Builder auth(AuthScheme auth, String basicUsername) {
            this.auth = auth;
            this.basicUsername = basicUsername;
            return this;
        }

        public Builder auth(AuthScheme auth) {
            return auth(auth, null);
        }

        public Builder timeouts(Duration connectTimeout, Duration readTimeout) {
            this.connectTimeout = connectTimeout;
            this.readTimeout = readTimeout;
            return this;
        }

        public Builder maxConcurrency(int maxConcurrency) {
            this.maxConcurrency = maxConcurrency;
            return this;
        }

        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        public Builder requestsPerSecond(double requestsPerSecond) {
            this.requestsPerSecond = requestsPerSecond;
            return this;
        }

        public Builder pageSize(int pageSize) {
            this.pageSize = pageSize;
            return this;
        }

        public Builder backoff(Duration initialBackoff, Duration maxBackoff) {
            this.initialBackoff = initialBackoff;
            this.maxBackoff = maxBackoff;
            return this;
        }

        /** Through this proxy ({@link ProxyResolver} chooses it); null or never called: direct. */
        public Builder proxy(HttpProxy proxy) {
            this.proxy = proxy;
            return this;
        }

        /** Trusts these CAs on top of the JVM's; null or never called: the JVM's alone. */
        public Builder caBundle(CaBundle caBundle) {
            this.caBundle = caBundle;
            return this;
        }

        /** W&amp;B's GraphQL endpoint; null or never called: derived from the base URL. */
        public Builder graphqlUrl(String graphqlUrl) {
            this.graphqlUrl = graphqlUrl;
            return this;
        }

        /** Whether {@code DELETE /Users/{id}} removes the user on the target; null or never called: the dialect's. */
        public Builder userDeleteRemoves(Boolean removes) {
            this.userDeleteRemoves = removes;
            return this;
        }

        public ScimClientSettings build() {
            return new ScimClientSettings(baseUrl, dialect, auth, basicUsername, apiKey, connectTimeout, readTimeout,
                    maxConcurrency, maxAttempts, requestsPerSecond, pageSize, initialBackoff, maxBackoff, proxy,
                    caBundle, graphqlUrl, userDeleteRemoves);
        }
    }
}
