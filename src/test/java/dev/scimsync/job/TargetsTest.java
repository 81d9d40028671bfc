package dev.scimsync.job;

import dev.scimsync.config.ConfigException;
import dev.scimsync.config.JobConfig;
import dev.scimsync.config.JobFiles;
import dev.scimsync.config.Overrides;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TargetsTest {

    @TempDir
    Path dir;

    private final Targets targets = new Targets(() -> Map.of("TARGETS_TEST_KEY", "k"));

    @ParameterizedTest
    @ValueSource(strings = {"https://wandb.example.com:port/scim", "https://[wandb/scim", "https://wandb..example/scim"})
    void aTargetUrlTheClientCannotUseIsAConfigurationErrorNotABug(String url) throws IOException {
        JobConfig config = job("target: { url: \"" + url + "\", token-env: TARGETS_TEST_KEY }\n");

        assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> targets.settingsFor(config))
                .withMessageStartingWith("target: the target URL").withMessageContaining(url);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 5, 20})
    void theClientSendsARequestAtMostMaxAttemptsTimes(int attempts) throws IOException {
        JobConfig config = job("target: { url: \"https://wandb.example.com/scim\", token-env: TARGETS_TEST_KEY }\n"
                + "limits: { max-attempts: " + attempts + " }\n");

        assertThat(targets.settingsFor(config).maxAttempts()).isEqualTo(attempts);
    }

    @org.junit.jupiter.api.Test
    void theJobsTimeoutsReachTheClient() throws IOException {
        JobConfig config = job("target: { url: \"https://wandb.example.com/scim\", token-env: TARGETS_TEST_KEY }\n"
                + "limits: { connect-timeout: 750ms, read-timeout: 2m }\n");

        assertThat(targets.settingsFor(config).connectTimeout()).isEqualTo(java.time.Duration.ofMillis(750));
        assertThat(targets.settingsFor(config).readTimeout()).isEqualTo(java.time.Duration.ofMinutes(2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"missing.pem", "empty.pem", "garbage.pem", "."})
    void aCaFileThatHoldsNoCertificateIsAConfigurationErrorNamingIt(String name) throws IOException {
        Files.writeString(dir.resolve("empty.pem"), "");
        Files.writeString(dir.resolve("garbage.pem"), "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n");
        Path file = dir.resolve(name);
        JobConfig config = job("target: { url: \"https://wandb.example.com/scim\", token-env: TARGETS_TEST_KEY,"
                + " ca-file: \"" + file + "\" }\n");

        assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> targets.settingsFor(config))
                .withMessageStartingWith("target.ca-file " + file.toAbsolutePath().normalize() + ": ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"socks5://proxy:1080", "https://proxy:443", "http://proxy:3128/some/path"})
    void aProxyVariableTheClientCannotUseIsAConfigurationErrorNamingTheVariable(String value) throws IOException {
        Targets withProxy = new Targets(() -> Map.of("TARGETS_TEST_KEY", "k", "HTTPS_PROXY", value));
        JobConfig config = job("target: { url: \"https://wandb.example.com/scim\", token-env: TARGETS_TEST_KEY }\n");

        assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> withProxy.settingsFor(config))
                .withMessageStartingWith("target: HTTPS_PROXY ");
    }

    /** The JVM's proxy properties reach the client's settings: over the environment, under the job file. */
    @org.junit.jupiter.api.Test
    void theJvmsProxyPropertiesReachTheClientBetweenTheJobFileAndTheEnvironment() throws IOException {
        java.util.Properties jvm = new java.util.Properties();
        jvm.setProperty("https.proxyHost", "jvm-proxy.example.com");
        jvm.setProperty("https.proxyPort", "3128");
        Targets targets = new Targets(new SecretSource() {
            @Override
            public Map<String, String> environment() {
                return Map.of("TARGETS_TEST_KEY", "k", "HTTPS_PROXY", "http://env-proxy.example.com:8080");
            }

            @Override
            public java.util.Properties systemProperties() {
                return jvm;
            }
        });

        var fromJvm = targets.settingsFor(job(
                "target: { url: \"https://wandb.example.com/scim\", token-env: TARGETS_TEST_KEY }\n")).proxy();
        var fromJobFile = targets.settingsFor(job("target: { url: \"https://wandb.example.com/scim\","
                + " token-env: TARGETS_TEST_KEY, proxy: \"http://file-proxy.example.com:9000\" }\n")).proxy();

        assertThat(fromJvm.isDirect()).isFalse();
        assertThat(fromJvm.host() + ":" + fromJvm.port()).isEqualTo("jvm-proxy.example.com:3128");
        assertThat(fromJvm.source()).isEqualTo("https.proxyHost");
        assertThat(fromJobFile.host() + ":" + fromJobFile.port()).isEqualTo("file-proxy.example.com:9000");
        assertThat(fromJobFile.source()).isEqualTo("target.proxy");
    }

    @org.junit.jupiter.api.Test
    void theEmbeddedEmulatorIsReachedDirectlyWhateverTheEnvironmentSays() throws IOException {
        Targets withProxy = new Targets(() -> Map.of("HTTP_PROXY", "http://127.0.0.1:9"));
        try {
            JobConfig config = job("target: { url: embedded }\n");

            assertThat(withProxy.settingsFor(config).proxy().isDirect()).isTrue();
        } finally {
            withProxy.destroy();
        }
    }

    private JobConfig job(String yaml) throws IOException {
        Path job = Files.writeString(dir.resolve("job.yml"), yaml + "inputs: { users: users.csv }\n");
        return JobFiles.load(job, Overrides.none());
    }
}
