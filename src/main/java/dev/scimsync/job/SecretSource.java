package dev.scimsync.job;

import java.util.Map;

/**
 * Where API keys come from: the process environment. A bean so that tests can hand a key to a run without changing
 * the environment; the key itself never enters job parameters, the job file or the database.
 */
@FunctionalInterface
public interface SecretSource {

    /** The environment variables to read keys from. */
    Map<String, String> environment();
}
