package dev.scimsync.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The job file's network keys: target.proxy, proxy-credentials-env, ca-file, limits.connect- and read-timeout. */
class NetworkSettingsTest {

    @TempDir
    Path dir;

    private JobFileFixture fixture() {
        return new JobFileFixture(dir);
    }

    @Test
    void withoutThemTheTargetIsReachedAsTheEnvironmentSaysWithTheDefaultTimeouts() {
        JobConfig config = fixture().load(JobFileFixture.MINIMAL);

        assertThat(config.target().proxy()).isNull();
        assertThat(config.target().proxyCredentialsEnv()).isNull();
        assertThat(config.target().caFile()).isNull();
        assertThat(config.limits().connectTimeout().duration()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.limits().readTimeout().duration()).isEqualTo(Duration.ofSeconds(30));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "30s    | 30000 | 30s",
            "500ms  | 500   | 500ms",
            "2m     | 120000| 2m",
            "1.5s   | 1500  | 1500ms",
            "90     | 90000 | 90s",
            "0.25   | 250   | 250ms",
            "'10m'  | 600000| 10m",
            "100ms  | 100   | 100ms",
            "' 7 S '| 7000  | 7s"})
    void timeoutsAreTimesWithAUnitOrSeconds(String written, long millis, String shown) {
        JobConfig config = fixture().load(JobFileFixture.MINIMAL + "limits: { connect-timeout: " + written
                + ", read-timeout: " + written + " }\n");

        assertThat(config.limits().connectTimeout().duration()).isEqualTo(Duration.ofMillis(millis));
        assertThat(config.limits().readTimeout().duration()).isEqualTo(Duration.ofMillis(millis));
        assertThat(config.limits().readTimeout()).hasToString(shown);
        assertThat(JobFiles.fromJson(JobFiles.toJson(config)).limits()).isEqualTo(config.limits());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0", "0s", "50ms", "99ms", "11m", "601s", "-1s", "abc", "1h", "5 seconds", "1.0005s",
            "''", "1e3"})
    void aTimeoutOutsideItsFormOrRangeIsNamedWithItsPlace(String written) {
        for (String key : new String[] {"connect-timeout", "read-timeout"}) {
            fixture().assertProblem(JobFileFixture.MINIMAL + "limits: { " + key + ": " + written + " }\n")
                    .startsWith("jobs/demo.yml: limits." + key + " must be a time like 30s, 500ms or 2m, from 100ms"
                            + " to 10m")
                    .contains("(line 3, column ");
        }
    }

    @Test
    void aTimeoutThatIsAListOrMappingIsNamed() {
        for (String value : new String[] {"[1, 2]", "{ seconds: 5 }"}) {
            fixture().assertProblem(JobFileFixture.MINIMAL + "limits: { read-timeout: " + value + " }\n")
                    .startsWith("jobs/demo.yml: limits.read-timeout must be a time like 30s, 500ms or 2m, from 100ms"
                            + " to 10m (line 3, column ");
        }
    }

    @Test
    void aStoredConfigurationFromBeforeTheTimeoutsGetsTheDefaults() {
        JobConfig config = fixture().load(JobFileFixture.MINIMAL);
        String stored = JobFiles.toJson(config).replaceAll(",\"connect-timeout\":\"[^\"]*\"", "")
                .replaceAll(",\"read-timeout\":\"[^\"]*\"", "");
        assertThat(stored).doesNotContain("timeout");

        assertThat(JobFiles.fromJson(stored).limits()).isEqualTo(config.limits());
    }

    @Test
    void theTargetsNetworkKeysAreReadAndStored() {
        JobConfig config = fixture().load("""
                target: { url: "https://wandb.corp.example/scim", proxy: "http://proxy.corp.example:3128",
                          proxy-credentials-env: CORP_PROXY_AUTH, ca-file: certs/corp-ca.pem }
                inputs: { users: users.csv }
                """);

        assertThat(config.target().proxy()).isEqualTo("http://proxy.corp.example:3128");
        assertThat(config.target().proxyCredentialsEnv()).isEqualTo("CORP_PROXY_AUTH");
        assertThat(config.target().caFile()).isEqualTo(Path.of("certs/corp-ca.pem"));
        assertThat(JobFiles.fromJson(JobFiles.toJson(config)).target()).isEqualTo(config.target());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"https://proxy.corp:3128", "socks5://proxy.corp:1080", "http://proxy.corp",
            "proxy.corp:3128", "http://proxy.corp:3128/path", "http://proxy.corp:port", "http://:3128", "''"})
    void aProxyThatIsNotHttpHostPortIsNamed(String proxy) {
        fixture().assertProblem("target: { url: embedded, proxy: " + proxy + " }\ninputs: { users: u.csv }\n")
                .startsWith("jobs/demo.yml: target.proxy must be http://host:port (with the port; the proxy's"
                        + " credentials come from the environment, see proxy-credentials-env)");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http://svc:Hunter2-in-job@proxy.corp:3128", "http://Hunter2-in-job@proxy.corp:3128",
            "http://svc:Hunter2-in-job@[fd00::1]:3128"})
    void aProxyWithCredentialsIsRefusedWithoutShowingThem(String proxy) {
        fixture().assertProblem("target: { url: embedded, proxy: \"" + proxy + "\" }\ninputs: { users: u.csv }\n")
                .contains("target.proxy must not hold credentials: put user:password in an environment variable"
                        + " and name it with target.proxy-credentials-env")
                .doesNotContain("Hunter2-in-job");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"1PROXY", "PROXY-AUTH", "proxy auth", "$PROXY"})
    void theCredentialsVariableMustBeAName(String variable) {
        fixture().assertProblem("target: { url: embedded, proxy-credentials-env: \"" + variable
                        + "\" }\ninputs: { users: u.csv }\n")
                .startsWith("jobs/demo.yml: target.proxy-credentials-env must be an environment variable name");
    }
}
