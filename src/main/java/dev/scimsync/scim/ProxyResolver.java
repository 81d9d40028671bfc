package dev.scimsync.scim;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Chooses the proxy for a target, first match wins: the job file's proxy; the JVM's proxy properties
 * ({@code https.proxyHost}/{@code https.proxyPort} for an https target, {@code http.*} for http, skipped for a host
 * in {@code http.nonProxyHosts}); the environment as curl reads it ({@code https_proxy}/{@code HTTPS_PROXY} or
 * {@code http_proxy}/{@code HTTP_PROXY} by the target's scheme, then {@code all_proxy}/{@code ALL_PROXY}, the lower
 * case first, skipped for a host in {@code no_proxy}/{@code NO_PROXY}); else direct.
 *
 * <p>Credentials come only from the environment: the variable named by the job file ({@code user:password}), else
 * the {@code user:password@} of a proxy variable's URL. Nothing here prints a credential: an unusable proxy URL is
 * reported by the name of the setting it came from, with its user info masked.
 */
public final class ProxyResolver {

    /** The JDK's own default for {@code http.nonProxyHosts}. */
    static final String JVM_DEFAULT_NON_PROXY_HOSTS = "localhost|127.*|[::1]|0.0.0.0|[::0]";
    /** curl's default proxy port. */
    static final int DEFAULT_PORT = 1080;
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private ProxyResolver() {
    }

    /**
     * @param targetUrl           the target's base URL (http or https)
     * @param configured          the job file's {@code target.proxy}, or null
     * @param credentialsVariable the job file's {@code target.proxy-credentials-env}, or null
     * @param env                 the environment variables
     * @param jvm                 the JVM's system properties
     * @throws IllegalArgumentException        for a proxy setting that is no usable proxy URL (naming the setting)
     * @throws MissingCredentialException when the named credentials variable is unset or malformed
     */
    public static HttpProxy resolve(String targetUrl, String configured, String credentialsVariable,
                                    Map<String, String> env, Properties jvm) {
        URI target = URI.create(targetUrl);
        boolean https = "https".equalsIgnoreCase(target.getScheme());
        String host = unbracketed(target.getHost()).toLowerCase(Locale.ROOT);
        ProxyCredentials named = credentialsVariable == null ? null
                : ProxyCredentials.fromEnvironment(credentialsVariable, env);
        if (configured != null && !configured.isBlank()) {
            return parse(configured, "target.proxy", named);
        }
        String scheme = https ? "https" : "http";
        String jvmHost = jvm.getProperty(scheme + ".proxyHost");
        if (jvmHost != null && !jvmHost.isBlank()) {
            String nonProxy = jvm.getProperty("http.nonProxyHosts", JVM_DEFAULT_NON_PROXY_HOSTS);
            if (matchesNonProxyHosts(host, nonProxy)) {
                return HttpProxy.direct(host + " matches http.nonProxyHosts");
            }
            String portText = jvm.getProperty(scheme + ".proxyPort", https ? "443" : "80").strip();
            int port;
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(scheme + ".proxyPort must be a port number (was '" + portText
                        + "')");
            }
            return HttpProxy.via(unbracketed(jvmHost.strip()), port, named, scheme + ".proxyHost");
        }
        List<String> variables = https ? List.of("https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY")
                : List.of("http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY");
        for (String variable : variables) {
            String value = env.get(variable);
            if (value == null || value.isBlank()) {
                continue;
            }
            String noProxyVariable = env.get("no_proxy") != null ? "no_proxy" : "NO_PROXY";
            String noProxy = env.get(noProxyVariable);
            if (noProxy != null && inNoProxy(host, noProxy)) {
                return HttpProxy.direct(host + " is in " + noProxyVariable);
            }
            return parse(value, variable, named);
        }
        return HttpProxy.direct("no proxy is set");
    }

    /**
     * A proxy URL as curl takes it: {@code [http://][user:password@]host[:port][/]}; the port defaults to 1080. Only
     * plain-http proxies are supported (an https target still gets TLS end to end, through CONNECT).
     */
    static HttpProxy parse(String value, String source, ProxyCredentials named) {
        String text = value.strip();
        String withScheme = text.contains("://") ? text : "http://" + text;
        URI uri;
        try {
            uri = URI.create(withScheme);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + " is not a proxy URL (was '" + masked(text) + "')");
        }
        if (!"http".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException(source + " must be an http:// proxy (was '" + masked(text)
                    + "'): https:// and SOCKS proxies are not supported");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException(source + " must be http://host:port (was '" + masked(text) + "')");
        }
        if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")
                || uri.getRawQuery() != null) {
            throw new IllegalArgumentException(source + " must be http://host:port, without a path (was '"
                    + masked(text) + "')");
        }
        ProxyCredentials credentials = named;
        if (uri.getRawUserInfo() != null) {
            ProxyCredentials inUrl = ProxyCredentials.fromUserInfo(uri.getRawUserInfo(), source);
            credentials = named != null ? named : inUrl;
        }
        return HttpProxy.via(unbracketed(uri.getHost()), uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort(),
                credentials, source);
    }

    /**
     * Whether {@code host} is in a curl-style {@code NO_PROXY} list: comma- or space-separated; {@code *} alone
     * matches every host; a name matches itself and its subdomains (a leading dot or {@code *.} is the same);
     * an IP address matches itself, or a CIDR range ({@code 10.0.0.0/8}); a {@code :port} suffix is ignored.
     */
    public static boolean inNoProxy(String host, String noProxy) {
        String target = unbracketed(host).toLowerCase(Locale.ROOT);
        for (String raw : noProxy.split("[,\\s]+")) {
            String entry = raw.strip().toLowerCase(Locale.ROOT);
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.equals("*")) {
                return true;
            }
            entry = withoutPort(entry);
            if (entry.contains("/")) {
                if (inCidr(target, entry)) {
                    return true;
                }
                continue;
            }
            entry = unbracketed(entry.startsWith("*.") ? entry.substring(2)
                    : entry.startsWith(".") ? entry.substring(1) : entry);
            if (entry.endsWith(".")) {
                entry = entry.substring(0, entry.length() - 1);
            }
            if (!entry.isEmpty() && (target.equals(entry) || !isIpLiteral(entry) && target.endsWith("." + entry))) {
                return true;
            }
        }
        return false;
    }

    /** {@code http.nonProxyHosts}: {@code |}-separated, each a host name with {@code *} as a wildcard. */
    static boolean matchesNonProxyHosts(String host, String nonProxyHosts) {
        String target = unbracketed(host).toLowerCase(Locale.ROOT);
        for (String raw : nonProxyHosts.split("\\|")) {
            String entry = unbracketed(raw.strip().toLowerCase(Locale.ROOT));
            if (entry.isEmpty()) {
                continue;
            }
            String regex = ("\\Q" + entry + "\\E").replace("*", "\\E.*\\Q");
            if (target.matches(regex)) {
                return true;
            }
        }
        return false;
    }

    private static String withoutPort(String entry) {
        if (entry.startsWith("[")) {
            int close = entry.indexOf(']');
            return close > 0 ? entry.substring(0, close + 1) : entry;
        }
        int colon = entry.indexOf(':');
        // one colon: host:port; more: a bare IPv6 address
        return colon > 0 && entry.indexOf(':', colon + 1) < 0 ? entry.substring(0, colon) : entry;
    }

    private static boolean inCidr(String host, String cidr) {
        int slash = cidr.indexOf('/');
        String network = unbracketed(cidr.substring(0, slash));
        if (!isIpLiteral(host) || !isIpLiteral(network)) {
            return false;
        }
        try {
            byte[] address = InetAddress.getByName(host).getAddress();
            byte[] range = InetAddress.getByName(network).getAddress();
            int bits = Integer.parseInt(cidr.substring(slash + 1));
            if (address.length != range.length || bits < 0 || bits > address.length * 8) {
                return false;
            }
            int shift = address.length * 8 - bits;
            return new BigInteger(1, address).shiftRight(shift).equals(new BigInteger(1, range).shiftRight(shift));
        } catch (UnknownHostException | NumberFormatException e) {
            return false;
        }
    }

    /** An IPv4 or IPv6 literal: looked up without DNS. */
    private static boolean isIpLiteral(String host) {
        return IPV4.matcher(host).matches() || host.contains(":");
    }

    private static String unbracketed(String host) {
        return host != null && host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1)
                : host == null ? "" : host;
    }

    /** A proxy URL with its user info hidden. */
    private static String masked(String url) {
        return url.replaceAll("^([^/@]*//)?[^/@]*@", "$1****@");
    }
}
