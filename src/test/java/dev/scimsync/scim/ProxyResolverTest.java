package dev.scimsync.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which proxy a target gets, from the job file, the JVM's properties and the environment, as curl reads the last. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ProxyResolverTest {

    private static final String HTTPS_TARGET = "https://wandb.corp.example/scim";
    private static final String HTTP_TARGET = "http://wandb.corp.example/scim";

    @Test
    void withNothingSetTheConnectionIsDirect() {
        HttpProxy proxy = ProxyResolver.resolve(HTTPS_TARGET, null, null, Map.of(), new Properties());

        assertThat(proxy.isDirect()).isTrue();
        assertThat(proxy.toString()).isEqualTo("none, direct (no proxy is set)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "https_proxy, https, http://lower:3128",
            "HTTPS_PROXY, https, http://upper:3128",
            "all_proxy,   https, http://all:3128",
            "ALL_PROXY,   https, http://all-upper:3128",
            "http_proxy,  http,  http://lower:3128",
            "HTTP_PROXY,  http,  http://upper:3128"})
    void eachProxyVariableOfTheTargetsSchemeIsRead(String variable, String scheme, String value) {
        HttpProxy proxy = ProxyResolver.resolve(scheme + "://wandb.corp.example/scim", null, null,
                Map.of(variable, value), new Properties());

        assertThat(proxy.isDirect()).isFalse();
        assertThat(proxy.source()).isEqualTo(variable);
        assertThat("http://" + proxy.host() + ":" + proxy.port()).isEqualTo(value);
    }

    @Test
    void theLowerCaseVariableWinsAndTheSchemesOwnWinsOverAllProxy() {
        Map<String, String> env = Map.of("https_proxy", "http://lower:1", "HTTPS_PROXY", "http://upper:2",
                "ALL_PROXY", "http://all:3", "http_proxy", "http://plain:4");

        assertThat(ProxyResolver.resolve(HTTPS_TARGET, null, null, env, new Properties()).host()).isEqualTo("lower");
        assertThat(ProxyResolver.resolve(HTTP_TARGET, null, null, env, new Properties()).host()).isEqualTo("plain");
    }

    @Test
    void theJobFilesProxyWinsOverTheJvmPropertiesWhichWinOverTheEnvironment() {
        Map<String, String> env = Map.of("HTTPS_PROXY", "http://env:3128", "NO_PROXY", "wandb.corp.example");
        Properties jvm = new Properties();
        jvm.setProperty("https.proxyHost", "jvm");
        jvm.setProperty("https.proxyPort", "8080");

        HttpProxy fromJob = ProxyResolver.resolve(HTTPS_TARGET, "http://job:9000", null, env, jvm);
        HttpProxy fromJvm = ProxyResolver.resolve(HTTPS_TARGET, null, null, env, jvm);

        assertThat(fromJob.toString()).isEqualTo("http://job:9000 (from target.proxy)");
        assertThat(fromJvm.toString()).isEqualTo("http://jvm:8080 (from https.proxyHost)");
    }

    @Test
    void jvmPropertiesFollowTheSchemeTheirDefaultPortsAndNonProxyHosts() {
        Properties jvm = new Properties();
        jvm.setProperty("http.proxyHost", "plain-proxy");

        assertThat(ProxyResolver.resolve(HTTPS_TARGET, null, null, Map.of(), jvm).isDirect()).isTrue();
        assertThat(ProxyResolver.resolve(HTTP_TARGET, null, null, Map.of(), jvm).port()).isEqualTo(80);
        assertThat(ProxyResolver.resolve("http://localhost:8080/scim", null, null, Map.of(), jvm).source())
                .as("the JDK's default http.nonProxyHosts").isEqualTo("localhost matches http.nonProxyHosts");

        jvm.setProperty("http.nonProxyHosts", "*.corp.example|other");
        assertThat(ProxyResolver.resolve(HTTP_TARGET, null, null, Map.of(), jvm).isDirect()).isTrue();
        jvm.setProperty("http.proxyPort", "eighty");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ProxyResolver.resolve("http://elsewhere/scim", null, null, Map.of(), jvm))
                .withMessage("http.proxyPort must be a port number (was 'eighty')");
    }

    @ParameterizedTest(name = "NO_PROXY={0} bypasses the proxy for {1}")
    @CsvSource(delimiter = '|', value = {
            "*                              | wandb.corp.example",
            "wandb.corp.example             | wandb.corp.example",
            "corp.example                   | wandb.corp.example",
            ".corp.example                  | wandb.corp.example",
            "*.corp.example                 | wandb.corp.example",
            "other.example, corp.example    | wandb.corp.example",
            "other.example corp.example     | wandb.corp.example",
            "WANDB.Corp.Example             | wandb.corp.example",
            "wandb.corp.example:443         | wandb.corp.example",
            "corp.example.                  | wandb.corp.example",
            "10.1.2.3                       | 10.1.2.3",
            "10.0.0.0/8                     | 10.1.2.3",
            "10.1.2.0/24                    | 10.1.2.3",
            "::1                            | [::1]",
            "[::1]                          | [::1]",
            "fd00::/8                       | [fd12::5]"})
    void noProxyEntriesThatMatch(String noProxy, String host) {
        assertThat(ProxyResolver.inNoProxy(host, noProxy)).isTrue();
        HttpProxy proxy = ProxyResolver.resolve("https://" + host + "/scim", null, null,
                Map.of("HTTPS_PROXY", "http://proxy:3128", "NO_PROXY", noProxy), new Properties());
        assertThat(proxy.isDirect()).isTrue();
        assertThat(proxy.source()).endsWith("is in NO_PROXY");
    }

    @ParameterizedTest(name = "NO_PROXY={0} keeps the proxy for {1}")
    @CsvSource(delimiter = '|', value = {
            "other.example                  | wandb.corp.example",
            "andb.corp.example              | wandb.corp.example",
            "wandb.corp.example.evil        | wandb.corp.example",
            "corp.example                   | corp.example.evil",
            "10.1.2                         | 10.1.2.3",
            "0.1.2.3                        | 10.1.2.3",
            "10.1.3.0/24                    | 10.1.2.3",
            "10.0.0.0/8                     | wandb.corp.example",
            "''                             | wandb.corp.example"})
    void noProxyEntriesThatDoNotMatch(String noProxy, String host) {
        assertThat(ProxyResolver.inNoProxy(host, noProxy)).isFalse();
    }

    @Test
    void theLowerCaseNoProxyWins() {
        Map<String, String> env = Map.of("HTTPS_PROXY", "http://proxy:3128", "no_proxy", "other.example",
                "NO_PROXY", "wandb.corp.example");

        assertThat(ProxyResolver.resolve(HTTPS_TARGET, null, null, env, new Properties()).isDirect()).isFalse();
    }

    @Test
    void aProxyUrlWithoutSchemeOrPortIsReadAsCurlReadsIt() {
        HttpProxy proxy = ProxyResolver.resolve(HTTPS_TARGET, null, null, Map.of("HTTPS_PROXY", "proxy.corp"),
                new Properties());

        assertThat(proxy.host()).isEqualTo("proxy.corp");
        assertThat(proxy.port()).isEqualTo(1080);
    }

    @Test
    void credentialsInTheVariablesUrlAreUsedAndNeverShown() {
        HttpProxy proxy = ProxyResolver.resolve(HTTPS_TARGET, null, null,
                Map.of("HTTPS_PROXY", "http://svc-sync:p%40ss%3Aw0rd-resolver@proxy:3128"), new Properties());

        ProxyCredentials credentials = proxy.credentials().orElseThrow();
        assertThat(credentials.user()).isEqualTo("svc-sync");
        assertThat(credentials.reveal()).isEqualTo("p@ss:w0rd-resolver");
        assertThat(proxy.toString()).isEqualTo("http://****@proxy:3128 (from HTTPS_PROXY; credentials from"
                + " HTTPS_PROXY)").doesNotContain("svc-sync");
        assertThat(SecretMask.mask("x p@ss:w0rd-resolver y p%40ss%3Aw0rd-resolver")).isEqualTo("x **** y ****");
    }

    @Test
    void aNamedCredentialsVariableWinsOverTheUrlsAndServesEverySource() {
        Map<String, String> env = new HashMap<>(Map.of("HTTPS_PROXY", "http://a:b-in-url-1@proxy:3128",
                "CORP_PROXY_AUTH", "named-user:named-pass-1"));

        HttpProxy fromEnv = ProxyResolver.resolve(HTTPS_TARGET, null, "CORP_PROXY_AUTH", env, new Properties());
        HttpProxy fromJob = ProxyResolver.resolve(HTTPS_TARGET, "http://job:9000", "CORP_PROXY_AUTH", env,
                new Properties());

        assertThat(fromEnv.credentials().orElseThrow().user()).isEqualTo("named-user");
        assertThat(fromJob.credentials().orElseThrow().reveal()).isEqualTo("named-pass-1");
        assertThat(fromJob.toString()).isEqualTo("http://****@job:9000 (from target.proxy; credentials from"
                + " CORP_PROXY_AUTH)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "no-colon-secret", ":password-only", "user-only:"})
    void aNamedCredentialsVariableThatHoldsNoPairIsNamedNeverShown(String value) {
        Map<String, String> env = Map.of("CORP_PROXY_AUTH", value);

        assertThatThrownBy(() -> ProxyResolver.resolve(HTTPS_TARGET, "http://job:9000", "CORP_PROXY_AUTH", env,
                new Properties()))
                .isInstanceOf(MissingCredentialException.class)
                .hasMessageStartingWith("the proxy credentials variable CORP_PROXY_AUTH ")
                .satisfies(e -> {
                    if (!value.isBlank()) {
                        assertThat(e.getMessage()).doesNotContain(value);
                    }
                });
        assertThatThrownBy(() -> ProxyResolver.resolve(HTTPS_TARGET, "http://job:9000", "UNSET_PROXY_AUTH", env,
                new Properties())).hasMessage("the proxy credentials variable UNSET_PROXY_AUTH is not set");
    }

    @ParameterizedTest
    @ValueSource(strings = {"socks5://user:hunter2-secret@proxy:1080", "https://user:hunter2-secret@proxy:443",
            "http://user:hunter2-secret@proxy:3128/path", "http://user:hunter2-secret@:3128",
            "http://user:hunter2-secret@proxy:3128?x=1", "http://user:hunter2-secret@pro xy:3128"})
    void anUnusableProxyVariableIsNamedWithItsCredentialsMasked(String value) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ProxyResolver.resolve(HTTPS_TARGET, null, null, Map.of("HTTPS_PROXY", value),
                        new Properties()))
                .withMessageStartingWith("HTTPS_PROXY ")
                .withMessageNotContaining("hunter2-secret");
    }
}
