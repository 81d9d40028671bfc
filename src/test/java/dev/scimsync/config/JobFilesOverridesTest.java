package dev.scimsync.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobFilesOverridesTest {

    private static final String JOB = """
            target: { url: embedded, dialect: wandb, token-env: WANDB_API_KEY }
            inputs: { users: samples/users.csv, teams: samples/teams.csv }
            limits: { chunk-size: 100, concurrency: 8, requests-per-second: 20 }
            out: reports/demo
            """;

    @TempDir
    Path dir;

    @Test
    void givenOptionsWinOverTheJobFile() {
        Path file = new JobFileFixture(dir).write("jobs/demo.yml", JOB);
        Overrides overrides = new Overrides("https://wandb.example.com/scim", "wandb-saas", "OTHER_KEY",
                Path.of("u.csv"), Path.of("t.csv"), Path.of("m.csv"), Path.of("r.csv"), Path.of("out/x"), 2, 10, 0.5);

        JobConfig config = JobFiles.load(file, overrides);

        assertThat(config.target().url()).isEqualTo("https://wandb.example.com/scim");
        assertThat(config.target().dialect()).isEqualTo("wandb-saas");
        assertThat(config.target().tokenEnv()).isEqualTo("OTHER_KEY");
        assertThat(config.inputs()).extracting(InputsConfig::users, InputsConfig::teams, InputsConfig::memberships,
                InputsConfig::roles).containsExactly(Path.of("u.csv"), Path.of("t.csv"), Path.of("m.csv"), Path.of("r.csv"));
        assertThat(config.out()).isEqualTo(Path.of("out/x"));
        assertThat(config.limits()).isEqualTo(new LimitsConfig(10, 2, 0.5, 0.5, 5));
    }

    @Test
    void optionsNotGivenLeaveTheJobFileAlone() {
        Path file = new JobFileFixture(dir).write("jobs/demo.yml", JOB);

        JobConfig withNone = JobFiles.load(file, Overrides.none());
        JobConfig withNull = JobFiles.load(file, null);
        JobConfig withOne = JobFiles.load(file, new Overrides(null, null, null, null, null, null, null, null, 3, null, null));

        assertThat(withNull).isEqualTo(withNone);
        assertThat(withOne).isEqualTo(new JobConfig(withNone.name(), withNone.target(), withNone.inputs(),
                withNone.policy(), new LimitsConfig(100, 3, 20, 0.5, 5), withNone.out()));
    }

    @Test
    void optionsFillWhatTheJobFileLacks() {
        Path file = new JobFileFixture(dir).write("jobs/bare.yml", "name: bare\n");

        JobConfig config = JobFiles.load(file,
                new Overrides("embedded", null, null, Path.of("u.csv"), null, null, null, null, null, null, null));

        assertThat(config.target().url()).isEqualTo("embedded");
        assertThat(config.inputs().users()).isEqualTo(Path.of("u.csv"));
        assertThat(config.out()).isEqualTo(Path.of("reports/bare"));
    }

    @Test
    void optionsAreValidatedLikeTheJobFileAndNamedInTheMessage() {
        Overrides overrides = new Overrides(null, "wandbx", null, null, null, null, null, null, 100, null, null);

        new JobFileFixture(dir).assertProblem(JOB, overrides).isEqualTo("""
                jobs/demo.yml: target.dialect must be one of wandb, wandb-saas, scim2 (was 'wandbx', from --dialect)
                jobs/demo.yml: limits.concurrency must be between 1 and 64 (was 100, from --concurrency)"""
                .replace("\n", System.lineSeparator()));
    }
}
