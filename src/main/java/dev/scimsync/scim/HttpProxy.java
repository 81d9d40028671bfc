package dev.scimsync.scim;

import java.util.Optional;

/**
 * How the client reaches the target: directly, or through an HTTP proxy (a {@code CONNECT} tunnel for an https
 * target, absolute-URI requests for an http one), maybe with credentials. Made by {@link ProxyResolver}, which also
 * says where the choice came from.
 */
public final class HttpProxy {

    private final String host;
    private final int port;
    private final ProxyCredentials credentials;
    private final String source;

    private HttpProxy(String host, int port, ProxyCredentials credentials, String source) {
        this.host = host;
        this.port = port;
        this.credentials = credentials;
        this.source = source;
    }

    /** No proxy; {@code why} says so in words ("no proxy is set", "127.0.0.1 is in NO_PROXY"). */
    public static HttpProxy direct(String why) {
        return new HttpProxy(null, -1, null, why);
    }

    /** Through {@code host:port}; {@code source} names the setting it came from ({@code HTTPS_PROXY}). */
    public static HttpProxy via(String host, int port, ProxyCredentials credentials, String source) {
        if (host == null || host.isBlank() || port < 1 || port > 65_535) {
            throw new IllegalArgumentException("a proxy needs a host and a port within 1..65535");
        }
        return new HttpProxy(host, port, credentials, source);
    }

    public boolean isDirect() {
        return host == null;
    }

    /** The proxy's host, without brackets for an IPv6 address; null when direct. */
    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public Optional<ProxyCredentials> credentials() {
        return Optional.ofNullable(credentials);
    }

    /** The setting it came from, or why the connection is direct. */
    public String source() {
        return source;
    }

    /**
     * In words, credentials masked: {@code http://proxy.corp:3128 (from HTTPS_PROXY; credentials from PROXY_AUTH)}
     * or {@code none, direct (127.0.0.1 is in NO_PROXY)}.
     */
    @Override
    public String toString() {
        if (isDirect()) {
            return "none, direct (" + source + ")";
        }
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + (credentials == null ? "" : "****@") + shownHost + ":" + port + " (from " + source
                + (credentials == null ? "" : "; credentials from " + credentials.source()) + ")";
    }
}
