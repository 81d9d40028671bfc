package dev.scimsync.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.scimsync.config.PolicyConfig.AbsentMembers;
import dev.scimsync.config.PolicyConfig.AbsentRoles;
import dev.scimsync.config.PolicyConfig.AbsentUsers;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobConfigJsonTest {

    private static final JobConfig FULL = new JobConfig("nightly",
            new TargetConfig("https://wandb.example.com/scim", "wandb-saas", "basic", "HR_KEY", "admin"),
            new InputsConfig(Path.of("/srv/hr-export/users.csv"), Path.of("teams.csv"), Path.of("../m.csv"),
                    Path.of("./roles.csv"), Map.of("users", Map.of("email", "Work Email", "display_name", "Full Name"))),
            new PolicyConfig(AbsentUsers.DEACTIVATE, AbsentMembers.REMOVE, AbsentRoles.DELETE,
                    RemovalLimit.parse("2.5%"), List.of("ops-admin@example.com"), RemovalLimit.count(40)),
            new LimitsConfig(250, 3, 7.5, 0.25),
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
                "\"email\":\"Work Email\"");
        assertThat(json).doesNotContain("file:", "\n");
    }

    @Test
    void storedConfigurationIsCheckedOnTheWayBack() {
        String json = JobFiles.toJson(FULL).replace("\"concurrency\":3", "\"concurrency\":0");

        assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> JobFiles.fromJson(json))
                .withMessage("stored configuration: limits.concurrency must be between 1 and 64 (was 0)");
        assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> JobFiles.fromJson("{\"nme\":1}"))
                .withMessageStartingWith("stored configuration: unknown key 'nme'");
        assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> JobFiles.fromJson("null"))
                .withMessage("stored configuration: is empty");
    }
}
