package dev.scimsync.job;

import dev.scimsync.emulator.EmulatorOptions;
import dev.scimsync.scim.ScimClient;
import dev.scimsync.scim.ScimUser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A target that fails, throttles and is slow: every operation is applied once; one that fails everything aborts. */
class FaultsTest extends JobTestSupport {

    private static final int USERS = 5_000;
    /** A key as long as a real one: the logs mask every occurrence of a key, and a one-letter key masks that letter. */
    private static final String KEY = "faults-test-key-0123456789";

    @Test
    void fiveThousandCreatesAgainstAFaultyTargetAreEachAppliedOnce() throws IOException {
        try (EmulatedOrg org = new EmulatedOrg(dir, KEY, EmulatorOptions.of(KEY).withFailRate(0.1)
                .withThrottleRate(0.1).withLatencyMs(20).withSeed(11).withRetryAfterSeconds(0))) {
            // Retry-After 0 keeps the test short; that the client waits as long as Retry-After says is shown by
            // dev.scimsync.scim.ScimRetryTest
            secrets.key(KEY);
            StringBuilder rows = new StringBuilder("email,username\n");
            for (int i = 1; i <= USERS; i++) {
                rows.append("user").append(i).append("@example.com,user").append(i).append('\n');
            }
            Path users = org.file("users.csv", rows.toString());

            RunResult result = runner.start(RunMode.SYNC, org.job("inputs: { users: " + users + " }\n"
                    // a flaky target (429/503/5xx on one request in five) still gets every operation through
                    + "limits: { chunk-size: 250, concurrency: 16, requests-per-second: 0, max-attempts: 8 }\n"),
                    null);

            assertThat(result.exitCode()).as(String.valueOf(result.problem())).isEqualTo(ExitCodes.OK);
            assertThat(result.rowCounts()).containsEntry("created", (long) USERS);
            assertThat(org.emulator.requests().stream().filter(r -> r.method().equals("POST") && r.status() == 201))
                    .hasSize(USERS);
            assertThat(org.emulator.requests()).as("the target did throttle and fail")
                    .anyMatch(r -> r.status() == 429).anyMatch(r -> r.status() >= 500);
            assertThat(org.users()).hasSize(USERS);
        }
    }

    @Test
    void aRunWhoseOperationsMostlyFailAbortsInsteadOfFailingEveryRow() throws IOException {
        try (EmulatedOrg org = new EmulatedOrg(dir, KEY, EmulatorOptions.of(KEY))) {
            secrets.key(KEY);
            StringBuilder rows = new StringBuilder("email,username\n");
            for (int i = 1; i <= 200; i++) {
                rows.append("new").append(i).append("@example.com,taken").append(i).append('\n');
            }
            Path users = org.file("users.csv", rows.toString());
            String job = "inputs: { users: " + users + " }\n"
                    + "limits: { chunk-size: 10, concurrency: 2, max-error-rate: 0.5 }\n";
            RunResult plan = runner.start(RunMode.PLAN, org.job(job), null);
            try (ScimClient client = org.client()) {
                // between plan and apply, someone else takes every planned userName
                for (int i = 1; i <= 200; i++) {
                    client.users().create(ScimUser.newUser("taken" + i, null, "someone" + i + "@other.example.com"));
                }
            }
            org.emulator.resetCounts();

            RunResult result = runner.start(RunMode.APPLY, org.job(job), plan.run().runId());

            assertThat(result.exitCode()).isEqualTo(ExitCodes.ABORTED);
            assertThat(result.problem()).contains("of the last 50 operations failed").contains("max-error-rate");
            assertThat(org.emulator.requests().stream().filter(r -> r.method().equals("POST")).count())
                    .as("stopped well before all 200 rows were tried").isLessThan(100);
        }
    }
}
