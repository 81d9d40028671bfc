package dev.scimsync.scim;

import feign.ExceptionPropagationPolicy;
import feign.Feign;
import feign.Logger;
import feign.Request;
import feign.RequestInterceptor;
import feign.hc5.ApacheHttp5Client;
import feign.slf4j.Slf4jLogger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.auth.CredentialsProviderBuilder;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * Wires one Feign builder for all the APIs (SCIM's, and W&B's GraphQL endpoint): pooled Apache HttpClient 5 (PATCH, and connections shared by the
 * worker threads), tolerant JSON, typed errors, the retryer, interceptors for the rate limit, request counting and
 * auth. Logging stays at {@code BASIC} (method, URL, status), which never shows the {@code Authorization} header.
 * HttpClient reads no system properties: the proxy is the one the settings name (CONNECT for an https target), and
 * TLS trusts the JVM's CAs plus the settings' CA bundle ({@link TargetTrust}), with host names checked.
 */
final class ScimFeign implements AutoCloseable {

    /** Connections beyond the configured concurrency, for a paging thread or a straggler. */
    static final int SPARE_CONNECTIONS = 4;

    private final CloseableHttpClient http;
    private final TargetTrust trust;
    private final RequestCounter counter = new RequestCounter();
    private final Feign.Builder builder;
    private final String baseUrl;

    ScimFeign(ScimClientSettings settings, ClientClock clock) {
        this.baseUrl = settings.baseUrl();
        this.trust = new TargetTrust(settings.caBundle());
        this.http = httpClient(settings, trust);
        ScimJson json = new ScimJson();
        RetryPolicy policy = new RetryPolicy(settings.maxAttempts(), settings.initialBackoff(),
                settings.maxBackoff(), RetryPolicy.DEFAULT_MAX_RETRY_AFTER, clock.sleeper());
        this.builder = Feign.builder()
                .client(new ApacheHttp5Client(http))
                .encoder(json)
                .decoder(new GraphqlErrors(json))
                .errorDecoder(new ScimErrorDecoder(json.mapper(), baseUrl, clock.wall()))
                .retryer(new ScimRetryer(policy, baseUrl))
                .exceptionPropagationPolicy(ExceptionPropagationPolicy.UNWRAP)
                .invocationHandlerFactory(new TypedExceptions(baseUrl))
                .options(new Request.Options(settings.connectTimeout(), settings.readTimeout(), true))
                .requestInterceptors(interceptors(settings, clock))
                .logger(new Slf4jLogger(ScimClient.class))
                .logLevel(Logger.Level.BASIC);
    }

    <T> T target(Class<T> api) {
        return builder.target(api, baseUrl);
    }

    /** The same stack for an endpoint outside the SCIM base (W&amp;B's GraphQL API). */
    <T> T target(Class<T> api, String url) {
        return builder.target(api, url);
    }

    Map<String, Long> requestCounts() {
        return counter.snapshot();
    }

    TargetTrust trust() {
        return trust;
    }

    private List<RequestInterceptor> interceptors(ScimClientSettings settings, ClientClock clock) {
        List<RequestInterceptor> interceptors = new ArrayList<>();
        if (settings.requestsPerSecond() > 0) {
            interceptors.add(new RateLimitInterceptor(settings.requestsPerSecond(), clock));
        }
        interceptors.add(counter);
        interceptors.add(new AuthInterceptor(settings.auth(), settings.basicUsername(), settings.apiKey()));
        return interceptors;
    }

    private static CloseableHttpClient httpClient(ScimClientSettings settings, TargetTrust trust) {
        int connections = settings.maxConcurrency() + SPARE_CONNECTIONS;
        ConnectionConfig connection = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                .setSocketTimeout(Timeout.of(settings.readTimeout()))
                // re-check a pooled connection idle this long, so a POST is not sent on one the server has closed
                .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                .build();
        HttpClientBuilder builder = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setTlsSocketStrategy(new DefaultClientTlsStrategy(trust.sslContext(),
                                HostnameVerificationPolicy.CLIENT, new TargetTrust.HostNames()))
                        .setMaxConnTotal(connections)
                        .setMaxConnPerRoute(connections)
                        .setDefaultConnectionConfig(connection)
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(Timeout.of(settings.readTimeout()))
                        .build())
                .disableAutomaticRetries() // ScimRetryer decides, and must never repeat a POST
                .disableCookieManagement()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .setUserAgent("scim-sync");
        HttpProxy proxy = settings.proxy();
        if (!proxy.isDirect()) {
            HttpHost proxyHost = new HttpHost("http", proxy.host(), proxy.port());
            builder.setProxy(proxyHost);
            if (settings.baseUrl().regionMatches(true, 0, "http:", 0, 5)) {
                // requests to a plain-http target go to the proxy itself, and forward proxies may close the client's
                // connection after each one without saying so (tinyproxy does): a POST sent on such a connection
                // gets no answer and an unknown outcome. A new connection per request avoids it; a TLS target's
                // CONNECT tunnel is a connection of the target's and is kept.
                builder.setConnectionReuseStrategy((request, response, context) -> false);
            }
            // answered when the proxy asks (407), for the CONNECT of an https target and for plain-http requests
            proxy.credentials().ifPresent(credentials -> builder.setDefaultCredentialsProvider(
                    CredentialsProviderBuilder.create().add(new AuthScope(proxyHost), credentials.user(),
                            credentials.reveal().toCharArray()).build()));
        }
        return builder.build();
    }

    @Override
    public void close() {
        try {
            http.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not close the HTTP client", e);
        }
    }
}
