package dev.scimsync.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TargetConfigTest {

    @TempDir
    Path dir;

    private String job(String target) {
        return "target: " + target + "\ninputs: { users: u.csv }\n";
    }

    @ParameterizedTest
    @ValueSource(strings = {"token", "api-key", "password", "secret", "api_key", "apiKey", "Token"})
    void aKeyThatWouldHoldASecretIsRejectedWithoutEchoingIt(String key) {
        new JobFileFixture(dir).assertProblem(job("\n  url: embedded\n  " + key + ": s3cr3t-value"))
                .isEqualTo("jobs/demo.yml: target." + key + " is not allowed: secrets never go in job files;"
                        + " put the key in an environment variable and name that variable with token-env (line 3, column 3)")
                .doesNotContain("s3cr3t-value");
    }

    @Test
    void aSecretKeyIsRejectedAnywhereUnderTarget() {
        new JobFileFixture(dir).assertProblem(job("{ url: embedded, auth: { password: hunter2 } }"))
                .isEqualTo("jobs/demo.yml: target.auth must be a single value, not a list or mapping (line 1, column 26)"
                        + System.lineSeparator() + "jobs/demo.yml: target.auth.password is not allowed: secrets never go"
                        + " in job files; put the key in an environment variable and name that variable with token-env"
                        + " (line 1, column 34)")
                .doesNotContain("hunter2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"embedded", "https://wandb.example.com/scim", "http://localhost:8080/scim",
            "https://10.0.0.5/scim/", "HTTPS://wandb.example.com/scim", "http://[::1]:8080/scim"})
    void urlIsEmbeddedOrAnAbsoluteHttpUrl(String url) {
        assertThat(new JobFileFixture(dir).load(job("{ url: '" + url + "' }")).target().url()).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"wandb.example.com/scim", "ftp://host/scim", "https://", "/scim", "Embedded",
            "https://host/scim?x=1", "https://host/sc im"})
    void otherUrlsAreRejected(String url) {
        new JobFileFixture(dir).assertProblem(job("{ url: '" + url + "' }"))
                .isEqualTo("jobs/demo.yml: target.url must be 'embedded' or an absolute http/https URL (was '" + url + "')");
    }

    @Test
    void credentialsInTheUrlAreRejectedAndMasked() {
        new JobFileFixture(dir).assertProblem(job("{ url: 'https://admin:hunter2@wandb.example.com/scim' }"))
                .isEqualTo("jobs/demo.yml: target.url must be 'embedded' or an absolute http/https URL"
                        + " (was 'https://***@wandb.example.com/scim')");
    }

    @Test
    void authIsBasicOrBearer() {
        JobFileFixture jobs = new JobFileFixture(dir);
        assertThat(jobs.load(job("{ url: embedded, auth: bearer }")).target().auth()).isEqualTo("bearer");
        jobs.assertProblem(job("{ url: embedded, auth: oauth }"))
                .isEqualTo("jobs/demo.yml: target.auth must be one of basic, bearer (was 'oauth')");
    }

    @Test
    void usernameGoesWithBasicAuthOnly() {
        JobFileFixture jobs = new JobFileFixture(dir);
        assertThat(jobs.load(job("{ url: embedded, username: admin }")).target().username()).isEqualTo("admin");
        jobs.assertProblem(job("{ url: embedded, auth: bearer, username: admin }"))
                .isEqualTo("jobs/demo.yml: target.username is only used with auth: basic");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"wandb, deactivates", "wandb-saas, removes", "scim2, removes"})
    void userDeleteDefaultsToWhatTheDialectsServersDoAndCanBeSetEitherWay(String dialect, String byDefault) {
        JobFileFixture jobs = new JobFileFixture(dir);
        TargetConfig target = jobs.load(job("{ url: embedded, dialect: " + dialect + " }")).target();
        assertThat(target.userDelete()).isEqualTo(byDefault);
        assertThat(target.userDeleteRemoves()).isEqualTo(byDefault.equals("removes"));
        for (String setting : new String[] {"deactivates", "removes"}) {
            assertThat(jobs.load(job("{ url: embedded, dialect: " + dialect + ", user-delete: " + setting + " }"))
                    .target().userDelete()).isEqualTo(setting);
        }
        for (String bad : new String[] {"remove", "Removes", "delete", "''"}) {
            jobs.assertProblem(job("{ url: embedded, dialect: " + dialect + ", user-delete: " + bad + " }"))
                    .isEqualTo("jobs/demo.yml: target.user-delete must be one of deactivates, removes (was '"
                            + bad.replace("''", "") + "')");
        }
    }

    @Test
    void tokenEnvMustLookLikeAVariableName() {
        JobFileFixture jobs = new JobFileFixture(dir);
        assertThat(jobs.load(job("{ url: embedded, token-env: _HR_key2 }")).target().tokenEnv()).isEqualTo("_HR_key2");
        jobs.assertProblem(job("{ url: embedded, token-env: 'WANDB-KEY' }"))
                .isEqualTo("jobs/demo.yml: target.token-env must be an environment variable name like WANDB_API_KEY (was 'WANDB-KEY')");
    }
}
