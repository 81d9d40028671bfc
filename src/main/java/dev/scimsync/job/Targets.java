package dev.scimsync.job;

import dev.scimsync.config.ConfigException;
import dev.scimsync.config.JobConfig;
import dev.scimsync.config.TargetConfig;
import dev.scimsync.emulator.EmulatorDialect;
import dev.scimsync.emulator.EmulatorOptions;
import dev.scimsync.emulator.WandbEmulator;
import dev.scimsync.scim.ApiKey;
import dev.scimsync.scim.AuthScheme;
import dev.scimsync.scim.CaBundle;
import dev.scimsync.scim.HttpProxy;
import dev.scimsync.scim.ProxyResolver;
import dev.scimsync.scim.ScimClientSettings;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Turns a job's target into client settings: the URL, the key from the environment variable the job names, the
 * proxy ({@code target.proxy}, else the JVM's proxy properties, else {@code HTTPS_PROXY} and the like), the CA bundle
 * ({@code target.ca-file}), and the job's limits. {@code url: embedded} starts the built-in emulator (seeded with the
 * demo organisation) once per process and hands it and the client a generated key; it is always reached directly.
 */
@Component
public class Targets implements DisposableBean {

    private final SecretSource secrets;
    private WandbEmulator embedded;
    private ApiKey embeddedKey;

    public Targets(SecretSource secrets) {
        this.secrets = secrets;
    }

    /**
     * @throws dev.scimsync.scim.MissingCredentialException when the key variable is not set (configuration error)
     */
    public synchronized ScimClientSettings settingsFor(JobConfig config) {
        TargetConfig target = config.target();
        String url;
        ApiKey key;
        if (target.embedded()) {
            WandbEmulator emulator = embedded(target.dialect(), target.userDeleteRemoves());
            url = emulator.baseUrl();
            key = embeddedKey;
        } else {
            url = target.url();
            key = ApiKey.fromEnvironment(target.tokenEnv(), secrets.environment());
        }
        AuthScheme auth = "bearer".equals(target.auth()) ? AuthScheme.BEARER
                : target.username() == null ? AuthScheme.BASIC_SERVICE_ACCOUNT : AuthScheme.BASIC;
        CaBundle caBundle = null;
        if (target.caFile() != null) {
            try {
                caBundle = CaBundle.read(target.caFile());
            } catch (IllegalArgumentException e) {
                throw new ConfigException("target.ca-file " + e.getMessage());
            }
        }
        try {
            // the URL checked first, so that a bad one is named as such rather than as a proxy problem
            ScimClientSettings checked = ScimClientSettings.builder(url, key).build();
            return ScimClientSettings.builder(url, key)
                    .dialect(target.dialect())
                    .auth(auth, target.username())
                    .maxConcurrency(config.limits().concurrency())
                    .maxAttempts(config.limits().maxAttempts())
                    .requestsPerSecond(config.limits().requestsPerSecond())
                    .timeouts(config.limits().connectTimeout().duration(), config.limits().readTimeout().duration())
                    .proxy(target.embedded() ? HttpProxy.direct("the embedded emulator is in this process")
                            : proxy(target, checked.baseUrl()))
                    .caBundle(caBundle)
                    .graphqlUrl(target.embedded() ? null : target.graphqlUrl())
                    .userDeleteRemoves(target.userDelete() == null ? null : target.userDeleteRemoves())
                    .build();
        } catch (IllegalArgumentException e) {
            // the settings' own checks, on what the job file says (a URL the job file's pattern let through), and
            // a proxy setting of the environment or the JVM that is no usable proxy
            throw new ConfigException("target: " + e.getMessage());
        }
    }

    /** The proxy for the target, and where that choice came from; the job file's wins. */
    private HttpProxy proxy(TargetConfig target, String url) {
        return ProxyResolver.resolve(url, target.proxy(), target.proxyCredentialsEnv(), secrets.environment(),
                secrets.systemProperties());
    }

    /** The embedded emulator, started on first use, its user DELETE as the dialect does it. */
    public synchronized WandbEmulator embedded(String dialect) {
        return embedded(dialect, null);
    }

    /**
     * The embedded emulator, started on first use.
     *
     * @param userDeleteRemoves whether its DELETE /Users removes users (as the job's target.user-delete says), or
     *                          null for the dialect's
     */
    public synchronized WandbEmulator embedded(String dialect, Boolean userDeleteRemoves) {
        if (embedded == null) {
            byte[] bytes = new byte[24];
            new SecureRandom().nextBytes(bytes);
            String token = HexFormat.of().formatHex(bytes);
            embeddedKey = ApiKey.of(token);
            embedded = WandbEmulator.start(EmulatorOptions.of(token)
                    .withDialect(EmulatorDialect.parse(dialect)).withDemoOrg(true)
                    .withUserDeleteRemoves(userDeleteRemoves));
        }
        return embedded;
    }

    @Override
    public synchronized void destroy() {
        if (embedded != null) {
            embedded.close();
            embedded = null;
        }
    }
}
