package dev.scimsync.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scimsync.config.PolicyConfig.AbsentUsers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The job files shipped in {@code jobs/}, read from the project root (Surefire's working directory). */
class RepositoryJobFilesTest {

    private static JobConfig load(String name) {
        return JobFiles.load(Path.of("jobs", name), Overrides.none());
    }

    @Test
    void everyShippedJobFileLoads() throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(Path.of("jobs"))) {
            files = listing.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
        }

        assertThat(files).extracting(Path::toString)
                .contains(Path.of("jobs/demo.yml").toString(), Path.of("jobs/migration.yml").toString(),
                        Path.of("jobs/nightly.yml").toString());
        files.forEach(file -> assertThat(JobFiles.load(file, Overrides.none()).name())
                .isEqualTo(file.getFileName().toString().replace(".yml", "")));
    }

    @Test
    void demoSyncsTheSamplesIntoTheEmbeddedEmulator() {
        JobConfig demo = load("demo.yml");

        assertThat(demo.target()).isEqualTo(new TargetConfig("embedded", "wandb", "basic", "WANDB_API_KEY", null));
        assertThat(demo.target().embedded()).isTrue();
        assertThat(demo.inputs().users()).isEqualTo(Path.of("samples/users.csv"));
        assertThat(demo.inputs().teams()).isEqualTo(Path.of("samples/teams.csv"));
        assertThat(demo.inputs().memberships()).isEqualTo(Path.of("samples/memberships.csv"));
        assertThat(demo.inputs().roles()).isEqualTo(Path.of("samples/roles.csv"));
        assertThat(demo.inputs().serviceAccounts()).isEqualTo(Path.of("samples/service-accounts.csv"));
        assertThat(demo.policy().absentUsers()).isEqualTo(AbsentUsers.REPORT);
        assertThat(demo.policy().protectedUsers()).containsExactly("ops-admin@example.com");
        assertThat(demo.limits()).isEqualTo(new LimitsConfig(100, 8, 50, 0.5, 5));
        assertThat(demo.out()).isEqualTo(Path.of("reports/demo"));
    }

    @Test
    void nightlyTargetsARealHostWithBearerAuthAndDeactivates() {
        JobConfig nightly = load("nightly.yml");

        assertThat(nightly.target()).isEqualTo(
                new TargetConfig("https://wandb.example.com/scim", "wandb", "bearer", "WANDB_API_KEY", null));
        assertThat(nightly.inputs().users()).isEqualTo(Path.of("/srv/hr-export/users.csv"));
        assertThat(nightly.inputs().roles()).isEqualTo(Path.of("/srv/hr-export/roles.csv"));
        assertThat(nightly.policy().absentUsers()).isEqualTo(AbsentUsers.DEACTIVATE);
        assertThat(nightly.policy().maxRemovals()).isEqualTo(RemovalLimit.percent(2));
        assertThat(nightly.policy().protectedUsers()).contains("ops-admin@example.com");
        assertThat(nightly.out()).isEqualTo(Path.of("reports/nightly"));
    }

    @Test
    void migrationRenamesSpreadsheetHeadersAndGoesGently() {
        JobConfig migration = load("migration.yml");

        assertThat(migration.inputs().columnsFor("users"))
                .containsEntry("email", "Work Email").containsEntry("display_name", "Full Name").containsEntry("org_role", "Role");
        assertThat(migration.inputs().columnsFor("memberships")).containsEntry("email", "Work Email");
        assertThat(migration.policy().absentUsers()).isEqualTo(AbsentUsers.REPORT);
        assertThat(migration.limits().concurrency()).isLessThan(LimitsConfig.DEFAULT_CONCURRENCY);
        assertThat(migration.out()).isEqualTo(Path.of("reports/migration"));
    }
}
