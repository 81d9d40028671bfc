package dev.scimsync.job;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.util.HashMap;
import java.util.Map;

/** The environment a {@link JobTest}'s runs read API keys from: set by the test, never the process's own. */
final class TestSecrets implements SecretSource {

    private final Map<String, String> variables = new HashMap<>();

    @Override
    public Map<String, String> environment() {
        return variables;
    }

    /** Sets the variable that {@link EmulatedOrg}'s job files name. */
    void key(String key) {
        variables.put(EmulatedOrg.KEY_VARIABLE, key);
    }

    @TestConfiguration
    static class Config {
        @Bean
        @Primary
        TestSecrets testSecrets() {
            return new TestSecrets();
        }
    }
}
