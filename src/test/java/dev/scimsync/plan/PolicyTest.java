package dev.scimsync.plan;

import dev.scimsync.config.JobConfig;
import dev.scimsync.config.JobFiles;
import dev.scimsync.config.Overrides;
import dev.scimsync.config.RemovalLimit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Which absent objects a run may remove, decided from the job file and which of its inputs are partial. */
class PolicyTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "inputs {0}, partial {1}: deactivate {2}, remove members {3}, delete roles {4}")
    @CsvSource(delimiter = '|', value = {
            // the job's inputs        | partial inputs     | users | members | roles
            "users,memberships,roles   | -                  | true  | true    | true",
            "memberships,roles         | -                  | false | true    | true",
            "users,memberships         | -                  | true  | true    | false",
            "users,memberships,roles   | users              | false | true    | true",
            "users,memberships,roles   | memberships        | true  | false   | true",
            "users,memberships,roles   | roles              | true  | true    | false",
            "users,memberships,roles   | users,memberships,roles | false | false | false"})
    void absentObjectsAreRemovedOnlyWhenTheirFileIsPartOfTheJobAndWhole(String inputs, String partial,
            boolean users, boolean members, boolean roles) throws IOException {
        Policy policy = Policy.from(job(inputs, "absent-users: deactivate, absent-members: remove,"
                + " absent-roles: delete"), kinds(partial), true, null);

        assertThat(policy.deactivateAbsentUsers()).as("deactivate absent users").isEqualTo(users);
        assertThat(policy.removeAbsentMembers()).as("remove absent members").isEqualTo(members);
        assertThat(policy.deleteAbsentRoles()).as("delete absent roles").isEqualTo(roles);
    }

    @Test
    void theDefaultPolicyRemovesNothing() throws IOException {
        Policy policy = Policy.from(job("users,memberships,roles", "max-removals: 3"), Set.of(), false, 7L);

        assertThat(policy).isEqualTo(new Policy(false, false, false, Set.of(), false,
                RemovalLimit.count(3), 7L));
    }

    @Test
    void protectedUsersAreComparedInLowerCase() throws IOException {
        Policy policy = Policy.from(job("users", "protected-users: [Ops-Admin@Example.com, cto@example.com]"),
                Set.of(), true, null);

        assertThat(policy.protectedUsers()).containsExactlyInAnyOrder("ops-admin@example.com", "cto@example.com");
    }

    private JobConfig job(String inputs, String policy) throws IOException {
        StringBuilder files = new StringBuilder();
        for (String kind : inputs.split(",")) {
            Path file = dir.resolve(kind.strip() + ".csv");
            Files.writeString(file, switch (kind.strip()) {
                case "users" -> "email\n";
                case "memberships" -> "team,email\n";
                default -> "name,inherited_from\n";
            });
            files.append(files.isEmpty() ? "" : ", ").append(kind.strip()).append(": ").append(file);
        }
        Path job = dir.resolve("job.yml");
        Files.writeString(job, "target: { url: embedded }\ninputs: { " + files + " }\npolicy: { " + policy + " }\n"
                + "out: " + dir.resolve("out") + "\n");
        return JobFiles.load(job, Overrides.none());
    }

    private static Set<String> kinds(String partial) {
        return partial.strip().equals("-") ? Set.of()
                : Arrays.stream(partial.split(",")).map(String::strip).collect(Collectors.toSet());
    }
}
