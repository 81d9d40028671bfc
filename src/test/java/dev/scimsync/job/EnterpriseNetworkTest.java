package dev.scimsync.job;

import dev.scimsync.config.JobConfig;
import dev.scimsync.config.JobFiles;
import dev.scimsync.config.Overrides;
import dev.scimsync.emulator.EmulatorOptions;
import dev.scimsync.emulator.RecordedRequest;
import dev.scimsync.emulator.WandbEmulator;
import dev.scimsync.scim.TestCa;
import dev.scimsync.scim.TinyProxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.batch.test.JobRepositoryTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Sync runs in a company network, through the job: a real forward proxy (tinyproxy) picked from
 * {@code HTTPS_PROXY}/{@code HTTP_PROXY} and bypassed by {@code NO_PROXY}, the emulator behind TLS with a certificate
 * from the test's own CA (trusted only through {@code target.ca-file}), and a create whose answer comes after the
 * job's read timeout. The environment comes from this test's own {@link SecretSource}.
 */
@SpringBatchTest
@SpringBootTest(classes = {JobApplication.class, EnterpriseNetworkTest.Environment.class},
        properties = "spring.datasource.url=jdbc:h2:mem:enterprise-network-test;DB_CLOSE_DELAY=-1")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class EnterpriseNetworkTest {

    static final Map<String, String> ENV = new HashMap<>();
    private static final String KEY = "enterprise-network-key";
    private static TestCa ca;

    @TestConfiguration
    static class Environment {
        @Bean
        @Primary
        SecretSource networkTestSecrets() {
            return new SecretSource() {
                @Override
                public Map<String, String> environment() {
                    return ENV;
                }

                @Override
                public Properties systemProperties() {
                    return new Properties(); // none of the JVM running the tests
                }
            };
        }
    }

    @Autowired
    SyncRunner runner;
    @Autowired
    JobRepositoryTestUtils jobRepositoryTestUtils;

    @TempDir
    Path dir;

    @BeforeAll
    static void makeCa() {
        ca = TestCa.create("scim-sync EnterpriseNetworkTest CA");
    }

    @BeforeEach
    void key() {
        ENV.clear();
        ENV.put("NETWORK_TEST_KEY", KEY);
    }

    @AfterEach
    void clean() {
        ENV.clear();
        jobRepositoryTestUtils.removeJobExecutions();
    }

    @ParameterizedTest(name = "{0} target")
    @ValueSource(strings = {"http", "https"})
    void aRunWithTheProxyVariableSetGoesThroughTheProxy(String scheme) throws Exception {
        assumeTrue(TinyProxy.installed(), "tinyproxy is not installed (apt-get install tinyproxy)");
        try (TinyProxy proxy = TinyProxy.start(dir.resolve("proxy"));
             WandbEmulator emulator = emulator(scheme)) {
            ENV.put(scheme.toUpperCase() + "_PROXY", proxy.url());

            RunResult result = runner.start(RunMode.SYNC, job(emulator, ""), null);

            assertThat(result.exitCode()).as(String.valueOf(result.problem())).isEqualTo(ExitCodes.OK);
            assertThat(result.rowCounts()).containsEntry("created", 2L);
            List<String> proxied = proxy.requests();
            if (scheme.equals("https")) {
                assertThat(proxied).as("the proxy's log: tunnels only, the requests inside them encrypted")
                        .isNotEmpty()
                        .allMatch(line -> line.endsWith("CONNECT 127.0.0.1:" + emulator.port() + " HTTP/1.1"));
            } else {
                assertThat(proxied).as("the proxy's log").anyMatch(line -> line.endsWith(
                        "POST " + emulator.baseUrl() + "/Users HTTP/1.1"));
                assertThat(proxied.stream().filter(line -> line.contains(" POST "))).hasSize(2);
            }
        }
    }

    @ParameterizedTest(name = "{0} target")
    @ValueSource(strings = {"http", "https"})
    void noProxyBypassesTheProxy(String scheme) throws Exception {
        assumeTrue(TinyProxy.installed(), "tinyproxy is not installed (apt-get install tinyproxy)");
        try (TinyProxy proxy = TinyProxy.start(dir.resolve("proxy"));
             WandbEmulator emulator = emulator(scheme)) {
            ENV.put(scheme + "_proxy", proxy.url());
            ENV.put("NO_PROXY", "localhost,127.0.0.0/8");

            RunResult result = runner.start(RunMode.SYNC, job(emulator, ""), null);

            assertThat(result.exitCode()).as(String.valueOf(result.problem())).isEqualTo(ExitCodes.OK);
            assertThat(emulator.requests()).anyMatch(r -> r.method().equals("POST") && r.status() == 201);
            assertThat(proxy.requests()).as("the proxy's log").isEmpty();
        }
    }

    @Test
    void theJobFilesProxyWinsOverTheEnvironmentsNoProxy() throws Exception {
        assumeTrue(TinyProxy.installed(), "tinyproxy is not installed (apt-get install tinyproxy)");
        try (TinyProxy proxy = TinyProxy.start(dir.resolve("proxy"), "sync-svc", "job-proxy-pass-7");
             WandbEmulator emulator = emulator("https")) {
            ENV.put("NO_PROXY", "*");
            ENV.put("CORP_PROXY_AUTH", "sync-svc:job-proxy-pass-7");

            RunResult result = runner.start(RunMode.SYNC, job(emulator, "", "proxy: " + proxy.url()
                    + ", proxy-credentials-env: CORP_PROXY_AUTH, ca-file: " + ca.writePem(dir.resolve("ca.pem"))),
                    null);

            assertThat(result.exitCode()).as(String.valueOf(result.problem())).isEqualTo(ExitCodes.OK);
            assertThat(proxy.requests()).isNotEmpty()
                    .allMatch(line -> line.endsWith("CONNECT 127.0.0.1:" + emulator.port() + " HTTP/1.1"));
        }
    }

    @Test
    void aPrivateCaFailsTheRunInOneLineWithoutTheCaFileAndWorksWithIt() throws IOException {
        try (WandbEmulator emulator = emulator("https")) {
            RunResult refused = runner.start(RunMode.SYNC, job(emulator, "", null), null);

            assertThat(refused.exitCode()).isEqualTo(ExitCodes.ABORTED);
            String issuer = ca.certificate().getSubjectX500Principal().getName();
            assertThat(refused.problem()).doesNotContain("\n", "Exception", "\tat ")
                    .contains("the certificate of 127.0.0.1 is not trusted", "issued by " + issuer,
                            "subject " + issuer.replace("scim-sync EnterpriseNetworkTest CA", "127.0.0.1"),
                            "set target.ca-file");
            assertThat(emulator.requests()).as("nothing reached the target").isEmpty();

            RunResult trusted = runner.start(RunMode.SYNC, job(emulator, ""), null);

            assertThat(trusted.exitCode()).as(String.valueOf(trusted.problem())).isEqualTo(ExitCodes.OK);
            assertThat(trusted.rowCounts()).containsEntry("created", 2L);
        }
    }

    @Test
    void aCreateWhoseAnswerOutlastsTheReadTimeoutIsLookedUpNotSentAgain() throws IOException {
        try (WandbEmulator emulator = emulator("http")) {
            emulator.slowWrites(Duration.ofSeconds(3));

            RunResult result = runner.start(RunMode.SYNC, job(emulator, "limits: { read-timeout: 1s }\n"), null);

            assertThat(result.exitCode()).as(String.valueOf(result.problem())).isEqualTo(ExitCodes.OK);
            List<RecordedRequest> creates = emulator.requests().stream()
                    .filter(r -> r.method().equals("POST")).toList();
            assertThat(creates).as("each create sent once, and done by the target").hasSize(2)
                    .allMatch(r -> r.status() == 201);
            assertThat(emulator.requests()).as("each looked up by email after its answer timed out")
                    .filteredOn(r -> r.method().equals("GET") && r.pathAndQuery().contains("filter=emails"))
                    .hasSizeGreaterThanOrEqualTo(2);
            assertThat(Files.readString(result.outDir().resolve("results.csv")))
                    .contains("the answer was lost and the user found");
        }
    }

    private WandbEmulator emulator(String scheme) {
        return scheme.equals("https")
                ? WandbEmulator.start(EmulatorOptions.of(KEY), ca.serverContext("127.0.0.1"))
                : WandbEmulator.start(EmulatorOptions.of(KEY));
    }

    private JobConfig job(WandbEmulator emulator, String sections) throws IOException {
        return job(emulator, sections, emulator.baseUrl().startsWith("https") ? "ca-file: "
                + ca.writePem(dir.resolve("ca.pem")) : null);
    }

    private JobConfig job(WandbEmulator emulator, String sections, String targetExtra) throws IOException {
        Path users = Files.writeString(dir.resolve("users.csv"), """
                email,username,display_name
                first@example.com,first,First User
                second@example.com,second,Second User
                """);
        Path job = dir.resolve("job.yml");
        Files.writeString(job, """
                name: network-%s
                target: { url: %s, auth: bearer, token-env: NETWORK_TEST_KEY%s }
                inputs: { users: %s }
                out: %s
                """.formatted(Math.abs(dir.hashCode()), emulator.baseUrl(),
                targetExtra == null ? "" : ", " + targetExtra, users, dir.resolve("reports")) + sections);
        return JobFiles.load(job, Overrides.none());
    }
}
