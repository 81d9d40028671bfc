package dev.scimsync.job;

import java.util.Map;
import java.util.Properties;

/**
 * Where API keys and proxy settings come from: the process environment (and, for the proxy, the JVM's system
 * properties). A bean so that tests can hand a key, {@code HTTPS_PROXY} or {@code NO_PROXY} to a run without changing
 * the environment; the key itself never enters job parameters, the job file or the database.
 */
@FunctionalInterface
public interface SecretSource {

    /** The environment variables to read keys from. */
    Map<String, String> environment();

    /** The JVM's system properties, for {@code https.proxyHost} and the like. */
    default Properties systemProperties() {
        return System.getProperties();
    }
}
