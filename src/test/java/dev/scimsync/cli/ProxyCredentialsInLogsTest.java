package dev.scimsync.cli;

import dev.scimsync.emulator.EmulatorOptions;
import dev.scimsync.emulator.WandbEmulator;
import dev.scimsync.job.ExitCodes;
import dev.scimsync.scim.TestCa;
import dev.scimsync.scim.TinyProxy;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The proxy's credentials at any log level, in a real process: a sync run through tinyproxy asking for Basic
 * credentials, given in the proxy variable as {@code user:password@}, with HttpClient's header and wire logs and
 * every other logger at TRACE. The {@code Proxy-Authorization} header is logged masked, and neither the password,
 * nor {@code user:password} in any form, nor the API key appears in any line (as {@link KeyInLogsTest} checks the
 * key).
 */
class ProxyCredentialsInLogsTest {

    private static final String KEY = "sk-Proxy-Run-7d1c0e9b-never-logged";
    private static final String USER = "svc-scim";
    private static final String PASSWORD = "Pr0xy-Pa55-6b2f41d9e7";
    private static final String KEY_VARIABLE = "PROXY_LOGS_TEST_KEY";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} target")
    @ValueSource(strings = {"https", "http"})
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void theProxysCredentialsAndTheKeyAreInNoLogLine(String scheme) throws Exception {
        assumeTrue(TinyProxy.installed(), "tinyproxy is not installed (apt-get install tinyproxy)");
        TestCa ca = TestCa.create("scim-sync ProxyCredentialsInLogsTest CA");
        List<String> lines;
        String stdout;
        try (TinyProxy proxy = TinyProxy.start(dir.resolve("proxy"), USER, PASSWORD);
             WandbEmulator emulator = scheme.equals("https")
                     ? WandbEmulator.start(EmulatorOptions.of(KEY), ca.serverContext("127.0.0.1"))
                     : WandbEmulator.start(EmulatorOptions.of(KEY))) {
            Files.writeString(dir.resolve("users.csv"), "email,username\nproxied1@example.com,proxied1\n");
            Files.writeString(dir.resolve("job.yml"), """
                    target: { url: %s, auth: bearer, token-env: %s, ca-file: %s }
                    inputs: { users: %s }
                    out: %s
                    """.formatted(emulator.baseUrl(), KEY_VARIABLE, ca.writePem(dir.resolve("ca.pem")),
                    dir.resolve("users.csv"), dir.resolve("reports")));
            ScimSyncProcess.Ended run = ScimSyncProcess.run(dir, List.of(
                    "-Dlogging.level.org.apache.hc.client5.http.headers=DEBUG",
                    "-Dlogging.level.org.apache.hc.client5.http.wire=DEBUG",
                    "-Dlogging.level.org.apache.hc=TRACE",
                    "-Dlogging.level.feign=TRACE",
                    "-Dlogging.level.dev.scimsync=TRACE",
                    "-Dlogging.level.root=TRACE"),
                    List.of("sync", dir.resolve("job.yml").toString(),
                            "--state-db", "jdbc:h2:file:" + dir.resolve("state")),
                    Map.of(KEY_VARIABLE, KEY, scheme.toUpperCase() + "_PROXY",
                            "http://" + USER + ":" + PASSWORD + "@127.0.0.1:" + proxy.port()));
            stdout = run.stdout();
            lines = run.stderr();
            assertThat(run.exitCode()).as(stdout).isEqualTo(ExitCodes.OK);
            assertThat(proxy.requests()).as("the run went through the proxy").isNotEmpty();
            assertThat(emulator.requests()).anyMatch(r -> r.method().equals("POST") && r.status() == 201);
        }

        assertThat(lines).as("the headers logger printed the proxy's header, masked")
                .anyMatch(line -> line.endsWith(">> Proxy-Authorization: Basic ****"));
        List<String> forms = new ArrayList<>(List.of(PASSWORD, KEY, USER + ":" + PASSWORD,
                base64(USER + ":" + PASSWORD), base64(":" + PASSWORD), base64(PASSWORD)));
        for (String secret : List.of(PASSWORD, KEY)) {
            for (int start = 0; start + 8 <= secret.length(); start++) {
                forms.add(secret.substring(start, start + 8));
            }
        }
        List<String> output = new ArrayList<>(lines);
        output.addAll(stdout.lines().toList());
        assertThat(output).as("stderr and stdout lines showing a credential in some form")
                .filteredOn(line -> forms.stream().anyMatch(line::contains)).isEmpty();
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
