package dev.scimsync.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.scimsync.config.PolicyConfig.AbsentMembers;
import dev.scimsync.config.PolicyConfig.AbsentRoles;
import dev.scimsync.config.PolicyConfig.AbsentUsers;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobFilesDefaultsTest {

    @TempDir
    Path dir;

    @Test
    void aMinimalJobFileGetsEveryDefault() {
        JobConfig config = new JobFileFixture(dir).load(JobFileFixture.MINIMAL);

        assertThat(config.name()).isEqualTo("demo");
        assertThat(config.out()).isEqualTo(Path.of("reports/demo"));
        assertThat(config.target()).isEqualTo(new TargetConfig("embedded", "wandb", "basic", "WANDB_API_KEY", null));
        assertThat(config.target().embedded()).isTrue();
        assertThat(config.inputs()).isEqualTo(new InputsConfig(Path.of("samples/users.csv"), null, null, null, Map.of()));
        assertThat(config.policy()).isEqualTo(new PolicyConfig(AbsentUsers.REPORT, AbsentMembers.REPORT,
                AbsentRoles.REPORT, RemovalLimit.parse("5%"), List.of(), RemovalLimit.parse("50%")));
        assertThat(config.limits()).isEqualTo(new LimitsConfig(100, 8, 20, 0.5, 5));
    }

    @Test
    void nameComesFromTheFileNameWithoutExtensionAndOutFollowsIt() {
        JobFileFixture jobs = new JobFileFixture(dir);

        JobConfig config = JobFiles.load(jobs.write("jobs/hr.nightly.yaml", JobFileFixture.MINIMAL), Overrides.none());

        assertThat(config.name()).isEqualTo("hr.nightly");
        assertThat(config.out()).isEqualTo(Path.of("reports", "hr.nightly"));
    }

    @Test
    void aGivenNameAlsoNamesTheDefaultOutDirectory() {
        JobConfig config = new JobFileFixture(dir).load(JobFileFixture.MINIMAL + "name: weekly_2\n");

        assertThat(config.name()).isEqualTo("weekly_2");
        assertThat(config.out()).isEqualTo(Path.of("reports/weekly_2"));
    }

    @Test
    void pathsAreKeptAsWrittenAndNotCheckedForExistence() {
        JobConfig config = new JobFileFixture(dir).load("""
                target: { url: embedded }
                inputs: { teams: ../elsewhere/teams.csv, roles: /no/such/roles.csv }
                out: ./out/here
                """);

        assertThat(config.inputs().users()).isNull();
        assertThat(config.inputs().teams()).hasToString("../elsewhere/teams.csv");
        assertThat(config.inputs().roles()).hasToString("/no/such/roles.csv");
        assertThat(config.out()).hasToString("./out/here");
    }

    @Test
    void protectedUsersAreStoredLowercase() {
        JobConfig config = new JobFileFixture(dir).load(JobFileFixture.MINIMAL
                + "policy: { protected-users: [Ops-Admin@Example.COM, second@example.com] }\n");

        assertThat(config.policy().protectedUsers()).containsExactly("ops-admin@example.com", "second@example.com");
    }

    @Test
    void flowAndBlockStylesReadTheSame() {
        JobFileFixture jobs = new JobFileFixture(dir);
        JobConfig flow = jobs.load("""
                target:   { url: embedded, dialect: wandb, auth: bearer, token-env: WANDB_API_KEY }
                inputs:   { users: samples/users.csv, teams: samples/teams.csv, memberships: samples/memberships.csv,
                            roles: samples/roles.csv, columns: { users: { email: "Work Email" } } }
                policy:   { absent-users: report, absent-members: report, absent-roles: report,
                            max-removals: "5%", protected-users: [ops-admin@example.com] }
                limits:   { chunk-size: 100, concurrency: 8, requests-per-second: 20 }
                out: reports/demo
                """);
        JobConfig block = jobs.load("""
                target:
                  url: embedded
                  dialect: wandb
                  auth: bearer
                  token-env: WANDB_API_KEY
                inputs:
                  users: samples/users.csv
                  teams: samples/teams.csv
                  memberships: samples/memberships.csv
                  roles: samples/roles.csv
                  columns:
                    users:
                      email: Work Email
                policy:
                  absent-users: report
                  absent-members: report
                  absent-roles: report
                  max-removals: 5%
                  protected-users:
                    - ops-admin@example.com
                limits:
                  chunk-size: 100
                  concurrency: 8
                  requests-per-second: 20
                out: reports/demo
                """);

        assertThat(block).isEqualTo(flow);
        assertThat(flow.inputs().columnsFor("users")).containsExactly(Map.entry("email", "Work Email"));
        assertThat(flow.target().auth()).isEqualTo("bearer");
    }

    @Test
    void everyValueCanBeSet() {
        JobConfig config = new JobFileFixture(dir).load("""
                name: full
                target: { url: "https://wandb.example.com/scim", dialect: wandb-saas, auth: basic,
                          token-env: HR_SYNC_KEY, username: admin }
                inputs: { memberships: m.csv }
                policy: { absent-users: deactivate, absent-members: remove, absent-roles: delete,
                          max-removals: 10, max-row-drop: "20%" }
                limits: { chunk-size: 500, concurrency: 64, requests-per-second: 0, max-error-rate: 1,
                          max-attempts: 20 }
                out: /var/reports/full
                """);

        assertThat(config.target()).isEqualTo(
                new TargetConfig("https://wandb.example.com/scim", "wandb-saas", "basic", "HR_SYNC_KEY", "admin"));
        assertThat(config.target().embedded()).isFalse();
        assertThat(config.policy()).isEqualTo(new PolicyConfig(AbsentUsers.DEACTIVATE, AbsentMembers.REMOVE,
                AbsentRoles.DELETE, RemovalLimit.count(10), List.of(), RemovalLimit.percent(20)));
        assertThat(config.limits()).isEqualTo(new LimitsConfig(500, 64, 0, 1, 20));
        assertThat(config.out()).isEqualTo(Path.of("/var/reports/full"));
    }
}
