package dev.scimsync.scim;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A proxy's user name and password. They come only from the environment (the {@code user:password@} of a proxy
 * variable, or a variable of their own), never from the job file. Like an {@link ApiKey}, making one registers the
 * password, and {@code user:password} (what a {@code Proxy-Authorization: Basic} header encodes), with
 * {@link SecretMask}, so no log line shows them; {@code toString()} shows neither.
 */
public final class ProxyCredentials {

    private final String user;
    private final String password;
    private final String source;

    private ProxyCredentials(String user, String password, String source) {
        this.user = user;
        this.password = password;
        this.source = source;
        SecretMask.register(password);
        SecretMask.register(user + ":" + password);
    }

    /**
     * Reads {@code user:password} from the variable {@code variable} of {@code env}.
     *
     * @throws MissingCredentialException naming the variable (never a value) when it is unset, empty or no pair
     */
    public static ProxyCredentials fromEnvironment(String variable, Map<String, String> env) {
        String value = env.get(variable);
        if (value == null) {
            throw new MissingCredentialException("the proxy credentials variable " + variable + " is not set");
        }
        if (value.isBlank()) {
            throw new MissingCredentialException("the proxy credentials variable " + variable + " is empty");
        }
        String pair = value.strip();
        int colon = pair.indexOf(':');
        if (colon <= 0 || colon == pair.length() - 1) {
            // the value is not shown: it may be a password alone
            SecretMask.register(pair);
            throw new MissingCredentialException("the proxy credentials variable " + variable
                    + " must hold user:password");
        }
        return new ProxyCredentials(pair.substring(0, colon), pair.substring(colon + 1), variable);
    }

    /** The {@code user:password} of a proxy URL's user info, percent-decoded; both forms are masked in logs. */
    static ProxyCredentials fromUserInfo(String rawUserInfo, String source) {
        SecretMask.register(rawUserInfo);
        int colon = rawUserInfo.indexOf(':');
        String user = decode(colon < 0 ? rawUserInfo : rawUserInfo.substring(0, colon));
        String password = colon < 0 ? "" : decode(rawUserInfo.substring(colon + 1));
        if (user.isEmpty() || password.isEmpty()) {
            throw new MissingCredentialException("the proxy URL in " + source + " must hold user:password before"
                    + " the @, or no user info at all");
        }
        return new ProxyCredentials(user, password, source);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    String user() {
        return user;
    }

    String reveal() {
        return password;
    }

    /** Where they were read from: the variable's name. */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "ProxyCredentials[from " + source + ", ****]";
    }
}
