package dev.scimsync.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScimClientSettingsTest {

    private static final ApiKey KEY = ApiKey.of("k");

    @Test
    void hasSaneDefaultsAndNormalisesTheUrl() {
        ScimClientSettings settings = ScimClientSettings.builder("https://wandb.example.com/scim/", KEY).build();

        assertThat(settings.baseUrl()).isEqualTo("https://wandb.example.com/scim");
        assertThat(settings.dialect()).isEqualTo("wandb");
        assertThat(settings.auth()).isEqualTo(AuthScheme.BEARER);
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.maxAttempts()).isEqualTo(5);
        assertThat(settings.requestsPerSecond()).isZero();
        assertThat(settings.effectivePageSize()).isEqualTo(9999);
        assertThat(ScimClientSettings.builder("http://h/scim", KEY).pageSize(7).build().effectivePageSize())
                .isEqualTo(7);
    }

    @Test
    void rejectsWhatCannotWork() {
        assertThatThrownBy(() -> ScimClientSettings.builder("", KEY).build())
                .hasMessageContaining("URL is missing");
        assertThatThrownBy(() -> ScimClientSettings.builder("ftp://h/scim", KEY).build())
                .hasMessageContaining("http(s)");
        assertThatThrownBy(() -> ScimClientSettings.builder("http://h/scim", KEY).dialect("okta").build())
                .hasMessageContaining("valid: wandb, wandb-saas, scim2");
        assertThatThrownBy(() -> ScimClientSettings.builder("http://h/scim", KEY).auth(AuthScheme.BASIC).build())
                .hasMessageContaining("needs a username");
        assertThatThrownBy(() -> ScimClientSettings.builder("http://h/scim", KEY).maxConcurrency(0).build())
                .hasMessageContaining("maxConcurrency");
        assertThatThrownBy(() -> ScimClientSettings.builder("http://h/scim", KEY).maxAttempts(0).build())
                .hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> ScimClientSettings.builder("http://h/scim", KEY).requestsPerSecond(-1).build())
                .hasMessageContaining("requestsPerSecond");
        assertThatThrownBy(() -> ScimClientSettings.builder("http://h/scim", KEY)
                .timeouts(Duration.ZERO, Duration.ofSeconds(1)).build())
                .hasMessageContaining("connectTimeout");
        assertThatThrownBy(() -> ScimClientSettings.builder("http://h/scim", null).build())
                .isInstanceOf(NullPointerException.class).hasMessageContaining("apiKey");
    }
}
