package dev.scimsync.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputsConfigTest {

    @TempDir
    Path dir;

    private String job(String columns) {
        return "target: { url: embedded }\ninputs:\n  users: u.csv\n  columns:\n" + columns;
    }

    @Test
    void renamedHeadersAreKeptVerbatimPerKind() {
        InputsConfig inputs = new JobFileFixture(dir).load(job("""
                    users: { email: "Work Email", display_name: "Full Name", org_role: Role }
                    memberships: { team: Team-Name, email: "Work Email" }
                """)).inputs();

        assertThat(inputs.columnsFor("users")).containsExactly(Map.entry("email", "Work Email"),
                Map.entry("display_name", "Full Name"), Map.entry("org_role", "Role"));
        assertThat(inputs.columnsFor("memberships")).containsEntry("team", "Team-Name");
        assertThat(inputs.columnsFor("roles")).isEmpty();
        assertThat(inputs.headerFor("users", "email")).isEqualTo("Work Email");
        assertThat(inputs.headerFor("users", "username")).isEqualTo("username");
    }

    @Test
    void unknownLogicalColumnIsNamed() {
        new JobFileFixture(dir).assertProblem(job("    users: { emial: Mail }\n"))
                .isEqualTo("jobs/demo.yml: inputs.columns.users.emial is not a column of users"
                        + " (one of email, username, display_name, org_role, active)");
    }

    @Test
    void unknownInputKindIsNamed() {
        new JobFileFixture(dir).assertProblem(job("    people: { email: Mail }\n"))
                .isEqualTo("jobs/demo.yml: inputs.columns.people is not an input kind (one of users, teams, memberships, roles)");
    }

    @Test
    void twoColumnsMappedToOneHeaderIsAnError() {
        new JobFileFixture(dir).assertProblem(job("    users: { email: Mail, username: Mail }\n"))
                .isEqualTo("jobs/demo.yml: inputs.columns.users.username uses header 'Mail', which column email uses too");
    }

    @Test
    void aRenamedColumnMayNotTakeTheDefaultHeaderOfAnother() {
        new JobFileFixture(dir).assertProblem(job("    memberships: { team: email }\n"))
                .isEqualTo("jobs/demo.yml: inputs.columns.memberships.team uses header 'email', which column email uses too");
    }

    @Test
    void aHeaderMustNotBeBlank() {
        new JobFileFixture(dir).assertProblem(job("    roles: { name: '  ' }\n"))
                .isEqualTo("jobs/demo.yml: inputs.columns.roles.name must name a header of the roles file");
    }

    @Test
    void atLeastOneInputIsNeeded() {
        new JobFileFixture(dir).assertProblem("target: { url: embedded }\ninputs: { columns: { users: { email: Mail } } }\n")
                .isEqualTo("jobs/demo.yml: inputs needs at least one of users, teams, memberships, roles");
        new JobFileFixture(dir).assertProblem("target: { url: embedded }\n")
                .isEqualTo("jobs/demo.yml: inputs needs at least one of users, teams, memberships, roles");
    }

    @Test
    void columnsAreCopiedAndUnmodifiable() {
        Map<String, String> users = new java.util.HashMap<>(Map.of("email", "Mail"));
        InputsConfig inputs = new InputsConfig(Path.of("u.csv"), null, null, null, Map.of("users", users));
        users.put("username", "Login");

        assertThat(inputs.columnsFor("users")).containsOnlyKeys("email");
        assertThat(new InputsConfig(null, null, null, null, null).columns()).isEmpty();
    }
}
