package dev.scimsync.config;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyAndLimitsTest {

    @TempDir
    Path dir;

    private void assertProblem(String section, String expected) {
        new JobFileFixture(dir).assertProblem(JobFileFixture.MINIMAL + section + "\n").isEqualTo("jobs/demo.yml: " + expected);
    }

    @Test
    void protectedUsersMustBeEmailsAndAreNamedByIndex() {
        assertProblem("policy: { protected-users: [ok@example.com, not-an-email] }",
                "policy.protected-users[1] must be an email address (was 'not-an-email')");
        assertProblem("policy: { protected-users: [ok@example.com, null] }",
                "policy.protected-users[1] must be an email address");
    }

    @Test
    void absentTeamsAreReportedOrDeletedAndProtectedTeamsAreNamesStoredInLowerCase() {
        JobConfig defaults = new JobFileFixture(dir).load(JobFileFixture.MINIMAL);
        org.assertj.core.api.Assertions.assertThat(defaults.policy().absentTeams())
                .isEqualTo(PolicyConfig.AbsentTeams.REPORT);
        org.assertj.core.api.Assertions.assertThat(defaults.policy().protectedTeams()).isEmpty();
        JobConfig set = new JobFileFixture(dir).load(JobFileFixture.MINIMAL
                + "policy: { absent-teams: delete, absent-users: remove, protected-teams: [' Research ', ML-Ops] }\n");
        org.assertj.core.api.Assertions.assertThat(set.policy().absentTeams()).isEqualTo(PolicyConfig.AbsentTeams.DELETE);
        org.assertj.core.api.Assertions.assertThat(set.policy().absentUsers())
                .isEqualTo(PolicyConfig.AbsentUsers.REMOVE);
        org.assertj.core.api.Assertions.assertThat(set.policy().protectedTeams()).containsExactly("research", "ml-ops");
        for (String bad : new String[] {"remove", "ignore", "deactivate"}) {
            new JobFileFixture(dir).assertProblem(JobFileFixture.MINIMAL + "policy: { absent-teams: " + bad + " }\n")
                    .startsWith("jobs/demo.yml: policy.absent-teams must be one of report, delete");
        }
        for (String bad : new String[] {"''", "'  '", "null"}) {
            assertProblem("policy: { protected-teams: [research, " + bad + "] }",
                    "policy.protected-teams[1] must be a team name" + (bad.equals("null") ? "" : " (was '')"));
        }
    }

    @Test
    void removalLimitsAreCheckedWhereTheyAreWritten() {
        assertProblem("policy: { max-removals: 150% }", "policy.max-removals must be at most 100% (was 150%) (line 3, column 25)");
        assertProblem("policy: { max-row-drop: -5 }", "policy.max-row-drop must not be negative (was '-5') (line 3, column 25)");
    }

    @Test
    void limitsKeepTheirBounds() {
        assertProblem("limits: { chunk-size: 10001 }", "limits.chunk-size must be between 1 and 10000 (was 10001)");
        assertProblem("limits: { concurrency: 0 }", "limits.concurrency must be between 1 and 64 (was 0)");
        assertProblem("limits: { requests-per-second: -1 }",
                "limits.requests-per-second must be between 0 and 10000 (0 = unlimited) (was -1)");
        assertProblem("limits: { requests-per-second: 10000.5 }",
                "limits.requests-per-second must be between 0 and 10000 (0 = unlimited) (was 10000.5)");
        assertProblem("limits: { max-error-rate: 0 }", "limits.max-error-rate must be more than 0 and at most 1 (was 0)");
        assertProblem("limits: { max-error-rate: 1.01 }", "limits.max-error-rate must be more than 0 and at most 1 (was 1.01)");
    }

    @Test
    void maxAttemptsIsBetweenOneAndTwenty() {
        for (int attempts : new int[] {-1, 0, 21, 1000}) {
            assertProblem("limits: { max-attempts: " + attempts + " }",
                    "limits.max-attempts must be between 1 and 20 (was " + attempts + ")");
        }
        for (int attempts : new int[] {1, 5, 20}) {
            JobConfig config = new JobFileFixture(dir).load(JobFileFixture.MINIMAL + "limits: { max-attempts: "
                    + attempts + " }\n");
            org.assertj.core.api.Assertions.assertThat(config.limits().maxAttempts()).isEqualTo(attempts);
        }
    }

    @Test
    void notANumberIsOutOfBounds() {
        Overrides nan = new Overrides(null, null, null, null, null, null, null, null, null, null, Double.NaN);

        new JobFileFixture(dir).assertProblem(JobFileFixture.MINIMAL, nan).startsWith(
                "jobs/demo.yml: limits.requests-per-second must be between 0 and 10000 (0 = unlimited) (was NaN");
    }
}
