package dev.scimsync.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.scimsync.config.PolicyConfig.AbsentMembers;
import dev.scimsync.config.PolicyConfig.AbsentRoles;
import dev.scimsync.config.PolicyConfig.AbsentUsers;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class JobConfigJsonTest {

    private static final JobConfig FULL = new JobConfig("nightly",
            new TargetConfig("https://wandb.example.com/scim", "wandb-saas", "basic", "HR_KEY", "admin"),
            new InputsConfig(Path.of("/srv/hr-export/users.csv"), Path.of("teams.csv"), Path.of("../m.csv"),
                    Path.of("./roles.csv"), Map.of("users", Map.of("email", "Work Email", "display_name", "Full Name")),
                    "tab", "windows-1252", Map.of("users", Map.of("active", Map.of("SUSPENDED", "false", "Aktiv", "true"),
                            "org_role", Map.of("Owner", "admin")), "memberships", Map.of("role", Map.of("Lead", "admin")))),
            new PolicyConfig(AbsentUsers.DEACTIVATE, AbsentMembers.REMOVE, AbsentRoles.DELETE,
                    RemovalLimit.parse("2.5%"), List.of("ops-admin@example.com"), RemovalLimit.count(40)),
            new LimitsConfig(250, 3, 7.5, 0.25, 7),
            Path.of("reports/nightly"));

    @TempDir
    Path dir;

    @Test
    void everyValueRoundTrips() {
        assertThat(JobFiles.fromJson(JobFiles.toJson(FULL))).isEqualTo(FULL);
    }

    @Test
    void aLoadedJobFileRoundTripsWithItsDefaults() {
        JobConfig loaded = new JobFileFixture(dir).load(JobFileFixture.MINIMAL);

        assertThat(JobFiles.fromJson(JobFiles.toJson(loaded))).isEqualTo(loaded);
    }

    @Test
    void pathsAreStoredAsWrittenAndValuesInJobFileForm() {
        String json = JobFiles.toJson(FULL);

        assertThat(json).contains("\"users\":\"/srv/hr-export/users.csv\"", "\"memberships\":\"../m.csv\"",
                "\"roles\":\"./roles.csv\"", "\"out\":\"reports/nightly\"", "\"absent-users\":\"deactivate\"",
                "\"max-removals\":\"2.5%\"", "\"max-row-drop\":\"40\"", "\"token-env\":\"HR_KEY\"",
                "\"email\":\"Work Email\"", "\"delimiter\":\"tab\"", "\"encoding\":\"windows-1252\"",
                "\"SUSPENDED\":\"false\"", "\"max-attempts\":7");
        assertThat(json).doesNotContain("file:", "\n");
    }

    @Test
    void aJobFileWithDelimiterEncodingAndValueMappingsRoundTrips() {
        JobConfig loaded = new JobFileFixture(dir).load("""
                target: { url: embedded }
                inputs:
                  users: u.csv
                  delimiter: ";"
                  encoding: windows-1252
                  values: { users: { active: { ACTIVE: true, SUSPENDED: false }, org_role: { Owner: admin } } }
                """);

        JobConfig back = JobFiles.fromJson(JobFiles.toJson(loaded));

        assertThat(back).isEqualTo(loaded);
        assertThat(back.inputs().delimiterChar()).isEqualTo(';');
        assertThat(back.inputs().windows1252()).isTrue();
        assertThat(back.inputs().valuesFor("users").get("active")).containsEntry("SUSPENDED", "false");
    }

    @Test
    void aConfigurationStoredBeforeDelimitersAndValuesReadsBackWithTheirDefaults() {
        String stored = JobFiles.toJson(new JobFileFixture(dir).load(JobFileFixture.MINIMAL))
                .replace(",\"delimiter\":null", "").replace(",\"encoding\":null", "").replace(",\"values\":{}", "");
        assertThat(stored).doesNotContain("delimiter", "encoding", "values");

        JobConfig back = JobFiles.fromJson(stored);

        assertThat(back.inputs().delimiterChar()).isNull();
        assertThat(back.inputs().windows1252()).isFalse();
        assertThat(back.inputs().values()).isEmpty();
    }

    @Test
    void aConfigurationStoredBeforeMaxAttemptsReadsBackWithItsDefault() {
        String stored = JobFiles.toJson(FULL).replace(",\"max-attempts\":7", "");
        assertThat(stored).doesNotContain("max-attempts");

        assertThat(JobFiles.fromJson(stored).limits().maxAttempts()).isEqualTo(LimitsConfig.DEFAULT_MAX_ATTEMPTS);
    }

    @Test
    void aStoredValueMappingIsCheckedOnTheWayBack() {
        String json = JobFiles.toJson(FULL).replace("\"SUSPENDED\":\"false\"", "\"SUSPENDED\":\"nope\"");

        assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> JobFiles.fromJson(json))
                .withMessage("stored configuration: inputs.values.users.active.SUSPENDED must be true, false or"
                        + " removed, a value of active (was 'nope')");
    }

    @Test
    void storedConfigurationIsCheckedOnTheWayBack() {
        String json = JobFiles.toJson(FULL).replace("\"concurrency\":3", "\"concurrency\":0");

        assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> JobFiles.fromJson(json))
                .withMessage("stored configuration: limits.concurrency must be between 1 and 64 (was 0)");
        assertThatExceptionOfType(ConfigException.class)
                .isThrownBy(() -> JobFiles.fromJson(JobFiles.toJson(FULL).replace("\"max-attempts\":7", "\"max-attempts\":0")))
                .withMessage("stored configuration: limits.max-attempts must be between 1 and 20 (was 0)");
        assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> JobFiles.fromJson("{\"nme\":1}"))
                .withMessageStartingWith("stored configuration: unknown key 'nme'");
        assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> JobFiles.fromJson("null"))
                .withMessage("stored configuration: is empty");
    }
}
