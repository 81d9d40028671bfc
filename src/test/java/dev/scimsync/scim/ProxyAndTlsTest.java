package dev.scimsync.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.scimsync.emulator.EmulatorOptions;
import dev.scimsync.emulator.WandbEmulator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client through a real forward proxy (Debian's tinyproxy) and against the emulator's HTTPS listener with a
 * certificate from the test's own CA: plain requests through the proxy, CONNECT tunnels for https, proxy
 * credentials, a private CA trusted only through a CA bundle, and the one-line refusals of a certificate.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ProxyAndTlsTest {

    private static final String TOKEN = "proxy-tls-test-key";
    private static TestCa ca;

    @TempDir
    Path dir;

    @BeforeAll
    static void makeCa() {
        ca = TestCa.create("scim-sync ProxyAndTlsTest CA");
    }

    @Test
    void anHttpTargetIsReachedThroughTheProxy() throws Exception {
        assumeTrue(TinyProxy.installed(), "tinyproxy is not installed (apt-get install tinyproxy)");
        try (TinyProxy proxy = TinyProxy.start(dir.resolve("proxy"));
             WandbEmulator emulator = WandbEmulator.start(EmulatorOptions.of(TOKEN));
             ScimClient client = ScimClient.create(settings(emulator.baseUrl())
                     .proxy(proxyFromEnvironment(emulator.baseUrl(), Map.of("HTTP_PROXY", proxy.url())))
                     .build())) {
            client.users().create(ScimUser.newUser("via-proxy", "Via Proxy", "via-proxy@example.com"));

            assertThat(client.findUserByEmail("via-proxy@example.com")).isPresent();
            assertThat(proxy.requests()).as("the proxy's log")
                    .anyMatch(line -> line.endsWith("POST " + emulator.baseUrl() + "/Users HTTP/1.1"))
                    .anyMatch(line -> line.contains("GET " + emulator.baseUrl() + "/Users?"));
        }
    }

    @Test
    void anHttpsTargetIsReachedThroughAConnectTunnelWithTheProxysCredentials() throws Exception {
        assumeTrue(TinyProxy.installed(), "tinyproxy is not installed (apt-get install tinyproxy)");
        try (TinyProxy proxy = TinyProxy.start(dir.resolve("proxy"), "sync-user", "proxy-Pa55-tls");
             WandbEmulator emulator = WandbEmulator.start(EmulatorOptions.of(TOKEN), ca.serverContext("127.0.0.1"));
             ScimClient client = ScimClient.create(settings(emulator.baseUrl())
                     .proxy(proxyFromEnvironment(emulator.baseUrl(), Map.of("https_proxy",
                             "http://sync-user:proxy-Pa55-tls@127.0.0.1:" + proxy.port())))
                     .caBundle(CaBundle.read(ca.writePem(dir.resolve("ca.pem"))))
                     .build())) {
            assertThat(emulator.baseUrl()).startsWith("https://");

            client.users().create(ScimUser.newUser("tunnelled", "Tunnelled", "tunnelled@example.com"));

            assertThat(emulator.requests()).anyMatch(r -> r.method().equals("POST") && r.status() == 201);
            assertThat(proxy.requests()).as("the proxy's log")
                    .anyMatch(line -> line.endsWith("CONNECT 127.0.0.1:" + emulator.port() + " HTTP/1.1"))
                    .noneMatch(line -> line.contains("/Users"));
            assertThat(client.presentedChain()).first()
                    .satisfies(leaf -> assertThat(leaf.getIssuerX500Principal())
                            .isEqualTo(ca.certificate().getSubjectX500Principal()));
        }
    }

    @Test
    void aProxyThatRefusesTheCredentialsStopsTheRequestAsAnAuthenticationFailure() throws Exception {
        assumeTrue(TinyProxy.installed(), "tinyproxy is not installed (apt-get install tinyproxy)");
        try (TinyProxy proxy = TinyProxy.start(dir.resolve("proxy"), "sync-user", "right-password");
             WandbEmulator emulator = WandbEmulator.start(EmulatorOptions.of(TOKEN));
             ScimClient client = ScimClient.create(settings(emulator.baseUrl())
                     .proxy(proxyFromEnvironment(emulator.baseUrl(),
                             Map.of("HTTP_PROXY", "http://sync-user:wrong-password@127.0.0.1:" + proxy.port())))
                     .build())) {
            ScimAuthException e = catchThrowableOfType(ScimAuthException.class,
                    () -> client.users().list(null, 1, 1));

            // tinyproxy answers a wrong password with 401 (no credentials at all with 407)
            assertThat(e.status()).isIn(401, 407);
            assertThat(emulator.requests()).isEmpty();
            assertThat(e.getMessage()).doesNotContain("wrong-password");
        }
    }

    @Test
    void aNoProxyHostIsReachedDirectly() throws Exception {
        assumeTrue(TinyProxy.installed(), "tinyproxy is not installed (apt-get install tinyproxy)");
        try (TinyProxy proxy = TinyProxy.start(dir.resolve("proxy"));
             WandbEmulator emulator = WandbEmulator.start(EmulatorOptions.of(TOKEN));
             ScimClient client = ScimClient.create(settings(emulator.baseUrl())
                     .proxy(proxyFromEnvironment(emulator.baseUrl(),
                             Map.of("HTTP_PROXY", proxy.url(), "NO_PROXY", "localhost,127.0.0.1")))
                     .build())) {
            client.users().list(null, 1, 1);

            assertThat(emulator.requests()).hasSize(1);
            assertThat(proxy.requests()).isEmpty();
        }
    }

    @Test
    void aCertificateOfAPrivateCaIsRefusedInOneLineUntilTheCaBundleIsGiven() throws IOException {
        try (WandbEmulator emulator = WandbEmulator.start(EmulatorOptions.of(TOKEN), ca.serverContext("127.0.0.1"))) {
            ScimTlsException refused;
            try (ScimClient client = ScimClient.create(settings(emulator.baseUrl()).maxAttempts(5).build())) {
                refused = catchThrowableOfType(ScimTlsException.class, () -> client.users().list(null, 1, 1));
                assertThat(client.presentedChain()).as("the chain is known even when refused").hasSize(2);
            }
            try (ScimClient client = ScimClient.create(settings(emulator.baseUrl())
                    .caBundle(CaBundle.read(ca.writePem(dir.resolve("ca.pem")))).build())) {
                assertThat(client.users().list(null, 1, 1).totalResults()).isZero();
            }

            String issuer = ca.certificate().getSubjectX500Principal().getName();
            assertThat(issuer).contains("CN=scim-sync ProxyAndTlsTest CA");
            assertThat(refused.getMessage()).doesNotContain("\n")
                    .isEqualTo("GET /Users → TLS: the certificate of 127.0.0.1 is not trusted (subject "
                            + issuer.replace("scim-sync ProxyAndTlsTest CA", "127.0.0.1") + ", issued by " + issuer
                            + "): if your company's CA issued it, set target.ca-file to a PEM bundle holding that CA");
            assertThat(emulator.requests()).as("never sent, and not retried").hasSize(1);
        }
    }

    @Test
    void aBundleWithoutTheIssuerIsNamedInTheRefusal() throws IOException {
        Path otherCa = TestCa.create("Some Other CA").writePem(dir.resolve("other.pem"));
        try (WandbEmulator emulator = WandbEmulator.start(EmulatorOptions.of(TOKEN), ca.serverContext("127.0.0.1"));
             ScimClient client = ScimClient.create(settings(emulator.baseUrl())
                     .caBundle(CaBundle.read(otherCa)).build())) {
            ScimTlsException refused = catchThrowableOfType(ScimTlsException.class,
                    () -> client.users().create(ScimUser.newUser("x", "X", "x@example.com")));

            assertThat(refused).isNotInstanceOf(ScimUnknownOutcomeException.class);
            assertThat(refused.getMessage()).startsWith("POST /Users → TLS: the certificate of 127.0.0.1 is not"
                    + " trusted").endsWith("target.ca-file (" + otherCa + ") holds no CA that issued it; add the"
                    + " issuing CA to that bundle");
        }
    }

    @Test
    void aTrustedCertificateForAnotherHostNameIsRefusedAndSaysWhichNamesItHas() throws IOException {
        try (WandbEmulator emulator = WandbEmulator.start(EmulatorOptions.of(TOKEN),
                ca.serverContext("wandb.corp.example"));
             ScimClient client = ScimClient.create(settings(emulator.baseUrl())
                     .caBundle(CaBundle.read(ca.writePem(dir.resolve("ca.pem")))).build())) {
            ScimTlsException refused = catchThrowableOfType(ScimTlsException.class,
                    () -> client.users().list(null, 1, 1));

            assertThat(refused.getMessage()).doesNotContain("\n").startsWith("GET /Users → TLS: the certificate of"
                    + " 127.0.0.1 (subject ").contains("CN=wandb.corp.example", "issued by ")
                    .endsWith("is not for that host name; it names wandb.corp.example: use one of those in target.url");
        }
    }

    @Test
    void aFileThatHoldsNoCertificateIsNamed() throws IOException {
        Path notPem = java.nio.file.Files.writeString(dir.resolve("notes.pem"), "not a certificate\n");
        Path empty = java.nio.file.Files.writeString(dir.resolve("empty.pem"), "");

        for (Path bad : new Path[] {notPem, empty, dir.resolve("missing.pem"), dir}) {
            assertThat(catchThrowableOfType(IllegalArgumentException.class, () -> CaBundle.read(bad)))
                    .as(bad.toString()).hasMessageStartingWith(bad.toAbsolutePath().normalize() + ": ");
        }
    }

    private static ScimClientSettings.Builder settings(String baseUrl) {
        return ScimClientSettings.builder(baseUrl, ApiKey.of(TOKEN))
                .backoff(Duration.ofMillis(10), Duration.ofMillis(50))
                .timeouts(Duration.ofSeconds(5), Duration.ofSeconds(10))
                .maxAttempts(2);
    }

    private static HttpProxy proxyFromEnvironment(String target, Map<String, String> env) {
        return ProxyResolver.resolve(target, null, null, env, new Properties());
    }
}
