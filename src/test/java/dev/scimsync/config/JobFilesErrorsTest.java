package dev.scimsync.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobFilesErrorsTest {

    @TempDir
    Path dir;

    @Test
    void unknownKeyIsNamedWithItsPosition() {
        new JobFileFixture(dir).assertProblem("""
                target:
                  url: embedded
                inputs:
                  users: samples/users.csv
                policy:
                  absent-users: report
                  absent-user: deactivate
                """).startsWith("jobs/demo.yml: unknown key 'policy.absent-user' (line 7, column 3)")
                .contains("expected one of absent-users, absent-members");
    }

    @Test
    void unknownKeysAreErrorsAtEveryLevel() {
        JobFileFixture jobs = new JobFileFixture(dir);
        jobs.assertProblem(JobFileFixture.MINIMAL + "tagret: x\n").startsWith("jobs/demo.yml: unknown key 'tagret' (line 3, column 1)");
        jobs.assertProblem("target: { url: embedded, dilect: wandb }\ninputs: { users: u.csv }\n")
                .startsWith("jobs/demo.yml: unknown key 'target.dilect' (line 1, column 26)");
        jobs.assertProblem(JobFileFixture.MINIMAL + "limits: { chunk_size: 5 }\n")
                .startsWith("jobs/demo.yml: unknown key 'limits.chunk_size'");
    }

    @Test
    void outOfRangeValueNamesKeyBoundsAndValue() {
        new JobFileFixture(dir).assertProblem(JobFileFixture.MINIMAL + "limits: { chunk-size: 0 }\n")
                .isEqualTo("jobs/demo.yml: limits.chunk-size must be between 1 and 10000 (was 0)");
    }

    @Test
    void unknownDialectListsTheDialects() {
        new JobFileFixture(dir).assertProblem("target: { url: embedded, dialect: wandbx }\ninputs: { users: u.csv }\n")
                .isEqualTo("jobs/demo.yml: target.dialect must be one of wandb, wandb-saas, scim2 (was 'wandbx')");
    }

    @Test
    void missingUrlIsRequired() {
        new JobFileFixture(dir).assertProblem("target: { dialect: wandb }\ninputs: { users: u.csv }\n")
                .isEqualTo("jobs/demo.yml: target.url is required");
        new JobFileFixture(dir).assertProblem("inputs: { users: u.csv }\n")
                .isEqualTo("jobs/demo.yml: target.url is required");
    }

    @Test
    void unknownPolicyValueListsTheChoicesInLowercase() {
        new JobFileFixture(dir).assertProblem(JobFileFixture.MINIMAL + "policy:\n  absent-users: nuke\n")
                .isEqualTo("jobs/demo.yml: policy.absent-users must be one of report, deactivate, remove, ignore (was 'nuke') (line 4, column 17)");
        new JobFileFixture(dir).assertProblem(JobFileFixture.MINIMAL + "policy: { absent-roles: REPORT }\n")
                .startsWith("jobs/demo.yml: policy.absent-roles must be one of ignore, report, delete (was 'REPORT')");
    }

    @Test
    void everyProblemIsReportedOneLineEachInFileOrder() {
        ConfigException e = catchProblem("""
                limits: { chunk-size: 0, concurrency: 65 }
                target: { url: ftp://host, token-env: 1KEY }
                inputs: {}
                """);

        assertThat(e.problems()).containsExactly(
                "jobs/demo.yml: target.token-env must be an environment variable name like WANDB_API_KEY (was '1KEY')",
                "jobs/demo.yml: target.url must be 'embedded' or an absolute http/https URL (was 'ftp://host')",
                "jobs/demo.yml: inputs needs at least one of users, teams, memberships, roles, service-accounts",
                "jobs/demo.yml: limits.chunk-size must be between 1 and 10000 (was 0)",
                "jobs/demo.yml: limits.concurrency must be between 1 and 64 (was 65)");
        assertThat(e.getMessage()).isEqualTo(String.join(System.lineSeparator(), e.problems()));
    }

    @Test
    void wrongTypesNameTheKey() {
        JobFileFixture jobs = new JobFileFixture(dir);
        jobs.assertProblem(JobFileFixture.MINIMAL + "limits: { chunk-size: many }\n")
                .isEqualTo("jobs/demo.yml: limits.chunk-size must be a whole number (was 'many') (line 3, column 23)");
        jobs.assertProblem(JobFileFixture.MINIMAL + "limits: { concurrency: 1.5 }\n")
                .startsWith("jobs/demo.yml: limits.concurrency must be a whole number (was 1.5)");
        jobs.assertProblem("target: { url: embedded }\ninputs: { users: [a.csv, b.csv] }\n")
                .startsWith("jobs/demo.yml: inputs.users must be a single value, not a list or mapping");
        jobs.assertProblem("target: embedded\ninputs: { users: u.csv }\n")
                .startsWith("jobs/demo.yml: target must be a mapping of keys");
        jobs.assertProblem(JobFileFixture.MINIMAL + "policy: { protected-users: ops@example.com }\n")
                .startsWith("jobs/demo.yml: policy.protected-users must be a list");
        jobs.assertProblem(JobFileFixture.MINIMAL + "policy: { max-removals: lots }\n")
                .startsWith("jobs/demo.yml: policy.max-removals must be a count like 10 or a percentage like 5% (was 'lots')");
    }

    @Test
    void missingFileCannotBeRead() {
        assertThatExceptionOfType(ConfigException.class)
                .isThrownBy(() -> JobFiles.load(Path.of("jobs/missing.yml"), Overrides.none()))
                .withMessage(Path.of("jobs/missing.yml").toAbsolutePath() + ": cannot read the job file (No such file)");
    }

    @Test
    void fileThatIsNotUtf8CannotBeRead() throws Exception {
        Path file = Files.write(dir.resolve("latin1.yml"), new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0xE9});

        assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> JobFiles.load(file, Overrides.none()))
                .withMessage(file + ": cannot read the job file (not UTF-8 text)");
    }

    @Test
    void malformedYamlGivesLineAndColumn() {
        new JobFileFixture(dir).assertProblem("target:\n  url: [embedded\ninputs:\n  users: u.csv\n")
                .startsWith("jobs/demo.yml: malformed YAML: ")
                .endsWith("(line 3, column 7)")
                .doesNotContain("\n", "in reader", "Exception");
    }

    @Test
    void duplicateKeyIsAnError() {
        new JobFileFixture(dir).assertProblem("target:\n  url: embedded\n  url: https://h/scim\ninputs: { users: u.csv }\n")
                .startsWith("jobs/demo.yml: duplicate key 'target.url' (line 3");
    }

    @Test
    void emptyFileSaysSo() {
        JobFileFixture jobs = new JobFileFixture(dir);
        jobs.assertProblem("").isEqualTo("jobs/demo.yml: the job file is empty");
        jobs.assertProblem("# only a comment\n\n").isEqualTo("jobs/demo.yml: the job file is empty");
    }

    @Test
    void aJobFileIsOneMapping() {
        JobFileFixture jobs = new JobFileFixture(dir);
        jobs.assertProblem("- target\n- inputs\n").startsWith("jobs/demo.yml: the job file must be a mapping of keys");
        jobs.assertProblem(JobFileFixture.MINIMAL + "---\nout: x\n")
                .startsWith("jobs/demo.yml: the job file must hold one YAML document");
    }

    @Test
    void invalidNameIsRejected() {
        new JobFileFixture(dir).assertProblem(JobFileFixture.MINIMAL + "name: my job\n")
                .isEqualTo("jobs/demo.yml: name must be 1 to 100 letters, digits, '-', '_' or '.' (was 'my job')");
    }

    private ConfigException catchProblem(String yaml) {
        Path file = new JobFileFixture(dir).write("jobs/demo.yml", yaml);
        try {
            JobFiles.load(file, Overrides.none());
        } catch (ConfigException e) {
            return new ConfigException(e.problems().stream().map(p -> p.replace(dir + "/", "")).toList(), null);
        }
        throw new AssertionError("no ConfigException");
    }
}
