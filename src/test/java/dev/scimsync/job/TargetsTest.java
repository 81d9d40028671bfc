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

    private JobConfig job(String yaml) throws IOException {
        Path job = Files.writeString(dir.resolve("job.yml"), yaml + "inputs: { users: users.csv }\n");
        return JobFiles.load(job, Overrides.none());
    }
}
