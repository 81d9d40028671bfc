package dev.scimsync.cli;

import dev.scimsync.emulator.EmulatorDialect;
import dev.scimsync.emulator.EmulatorOptions;
import dev.scimsync.emulator.WandbEmulator;
import dev.scimsync.job.ExitCodes;
import dev.scimsync.scim.TestCa;
import dev.scimsync.scim.TinyProxy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code scim-sync check-target} through picocli's execute(), on the emulator over plain HTTP and over TLS from the
 * test's own CA, through a real proxy, and on a closed port. It only reads: the target sees GETs alone.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class CheckTargetCommandTest {

    private static final String KEY = "check-target-key";
    private static final Map<String, String> ENV = Map.of("CHECK_TARGET_KEY", KEY);
    private static TestCa ca;

    @TempDir
    Path dir;

    @BeforeAll
    static void makeCa() {
        ca = TestCa.create("scim-sync CheckTargetCommandTest CA");
    }

    @Test
    void aPlainHttpEmulatorIsReportedAndOnlyRead() throws IOException {
        try (WandbEmulator emulator = WandbEmulator.start(EmulatorOptions.of(KEY).withDemoOrg(true))) {
            Cli cli = Cli.runWith(ENV, "check-target", job(emulator.baseUrl(), "wandb", "").toString());

            assertThat(cli.exitCode).as(cli.toString()).isEqualTo(ExitCodes.OK);
            assertThat(cli.out.lines()).contains(
                    "target: " + emulator.baseUrl() + " (dialect wandb)",
                    "proxy: none, direct (no proxy is set)",
                    "tls: none (an http:// target)",
                    "auth bearer (configured): works",
                    "auth basic-service-account: works",
                    "ServiceProviderConfig: not served",
                    "exit 0: the target can be used");
            assertThat(cli.out).containsPattern("list /Users: \\d+ in all; page size \\d+, the first page held \\d+")
                    .contains("list /Groups: ").contains("list /Roles: ");
            assertThat(emulator.requests()).isNotEmpty().allMatch(r -> r.method().equals("GET"));
            assertThat(cli.out + cli.err).doesNotContain(KEY);
        }
    }

    @Test
    void aTlsEmulatorShowsItsChainWhenTheCaFileTrustsIt() throws IOException {
        try (WandbEmulator emulator = WandbEmulator.start(EmulatorOptions.of(KEY)
                .withDialect(EmulatorDialect.SCIM2), ca.serverContext("127.0.0.1"))) {
            Path caFile = ca.writePem(dir.resolve("ca.pem"));
            Cli cli = Cli.runWith(ENV, "check-target",
                    job(emulator.baseUrl(), "scim2", ", ca-file: " + caFile).toString());

            String issuer = ca.certificate().getSubjectX500Principal().getName();
            assertThat(cli.exitCode).as(cli.toString()).isEqualTo(ExitCodes.OK);
            assertThat(cli.out.lines()).contains("ca-file: " + caFile + " (1 certificate)",
                    "tls: the chain is trusted (2 certificates, host name checked)");
            assertThat(cli.out).contains("  [0] subject " + issuer.replace("scim-sync CheckTargetCommandTest CA",
                    "127.0.0.1") + "; issued by " + issuer + "; valid until ");
            assertThat(cli.out).contains("  [1] subject " + issuer + "; issued by " + issuer);
            assertThat(cli.out).containsPattern("ServiceProviderConfig: at most \\d+ results a page, ETags"
                    + " supported, bulk not supported").doesNotContain("list /Roles");
            assertThat(emulator.requests()).isNotEmpty().allMatch(r -> r.method().equals("GET"));
        }
    }

    @Test
    void aTlsEmulatorOfAnUnknownCaIsRefusedInOneLineNamingTheCaFileSetting() throws IOException {
        try (WandbEmulator emulator = WandbEmulator.start(EmulatorOptions.of(KEY), ca.serverContext("127.0.0.1"))) {
            Cli cli = Cli.runWith(ENV, "check-target", job(emulator.baseUrl(), "wandb", "").toString());

            assertThat(cli.exitCode).as(cli.toString()).isEqualTo(ExitCodes.ABORTED);
            assertThat(cli.out.lines()).filteredOn(line -> line.startsWith("tls: ")).singleElement()
                    .asString().startsWith("tls: the certificate of 127.0.0.1 is not trusted (subject ")
                    .contains("issued by " + ca.certificate().getSubjectX500Principal().getName())
                    .endsWith("set target.ca-file to a PEM bundle holding that CA");
            assertThat(cli.out + cli.err).doesNotContain("Exception", "\tat ");
        }
    }

    @Test
    void aClosedPortIsReportedUnreachable() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Cli cli = Cli.runWith(ENV, "check-target", job("http://127.0.0.1:" + port + "/scim", "wandb", "").toString());

        assertThat(cli.exitCode).as(cli.toString()).isEqualTo(ExitCodes.ABORTED);
        assertThat(cli.out).contains("reachable: no (GET /Users → no response (").contains("Connection refused")
                .contains("exit 4: the target cannot be used as configured");
    }

    @ParameterizedTest(name = "a key the target refuses, auth {0}")
    @ValueSource(strings = {"bearer", "basic"})
    void aRefusedKeyIsReportedForEachAuthForm(String auth) throws IOException {
        try (WandbEmulator emulator = WandbEmulator.start(EmulatorOptions.of("another-key"))) {
            Path job = Files.writeString(dir.resolve("job.yml"), """
                    target: { url: %s, auth: %s, token-env: CHECK_TARGET_KEY }
                    inputs: { users: users.csv }
                    """.formatted(emulator.baseUrl(), auth));
            Cli cli = Cli.runWith(ENV, "check-target", job.toString());

            assertThat(cli.exitCode).as(cli.toString()).isEqualTo(ExitCodes.ABORTED);
            assertThat(cli.out).contains("auth " + (auth.equals("basic") ? "basic-service-account" : auth)
                    + " (configured): refused (HTTP 401)").contains("no auth form works with this key: check the key"
                    + " variable CHECK_TARGET_KEY");
        }
    }

    @Test
    void theProxyFromTheEnvironmentIsReportedAndUsed() throws Exception {
        assumeTrue(TinyProxy.installed(), "tinyproxy is not installed (apt-get install tinyproxy)");
        try (TinyProxy proxy = TinyProxy.start(dir.resolve("proxy"));
             WandbEmulator emulator = WandbEmulator.start(EmulatorOptions.of(KEY), ca.serverContext("127.0.0.1"))) {
            Path caFile = ca.writePem(dir.resolve("ca.pem"));
            Cli cli = Cli.runWith(Map.of("CHECK_TARGET_KEY", KEY, "HTTPS_PROXY", proxy.url()), "check-target",
                    job(emulator.baseUrl(), "wandb", ", ca-file: " + caFile).toString());

            assertThat(cli.exitCode).as(cli.toString()).isEqualTo(ExitCodes.OK);
            assertThat(cli.out.lines()).contains("proxy: " + proxy.url() + " (from HTTPS_PROXY)");
            assertThat(proxy.requests()).isNotEmpty()
                    .allMatch(line -> line.endsWith("CONNECT 127.0.0.1:" + emulator.port() + " HTTP/1.1"));
        }
    }

    @Test
    void anUnsetKeyVariableIsAUsageError() throws IOException {
        Cli cli = Cli.runWith(Map.of(), "check-target", job("https://wandb.example.com/scim", "wandb", "").toString());

        assertThat(cli.exitCode).as(cli.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err).isEqualTo("scim-sync: the API key variable CHECK_TARGET_KEY is not set\n");
    }

    private Path job(String url, String dialect, String targetExtra) throws IOException {
        return Files.writeString(dir.resolve("job.yml"), """
                target: { url: "%s", dialect: %s, auth: bearer, token-env: CHECK_TARGET_KEY%s }
                inputs: { users: users.csv }
                """.formatted(url, dialect, targetExtra));
    }
}
