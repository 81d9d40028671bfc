package dev.scimsync.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
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
                .isEqualTo("jobs/demo.yml: inputs.columns.people is not an input kind (one of users, teams, memberships, roles, service-accounts)");
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
                .isEqualTo("jobs/demo.yml: inputs needs at least one of users, teams, memberships, roles, service-accounts");
        new JobFileFixture(dir).assertProblem("target: { url: embedded }\n")
                .isEqualTo("jobs/demo.yml: inputs needs at least one of users, teams, memberships, roles, service-accounts");
    }

    @Test
    void columnsAreCopiedAndUnmodifiable() {
        Map<String, String> users = new java.util.HashMap<>(Map.of("email", "Mail"));
        InputsConfig inputs = new InputsConfig(Path.of("u.csv"), null, null, null, Map.of("users", users));
        users.put("username", "Login");

        assertThat(inputs.columnsFor("users")).containsOnlyKeys("email");
        assertThat(new InputsConfig(null, null, null, null, null).columns()).isEmpty();
    }

    private String inputs(String more) {
        return "target: { url: embedded }\ninputs:\n  users: u.csv\n" + more;
    }

    @Test
    void aDelimiterIsCommaSemicolonOrTab() {
        Map<String, Character> meant = Map.of("\",\"", ',', "';'", ';', "tab", '\t', "TAB", '\t', "\"\\t\"", '\t');
        meant.forEach((written, delimiter) -> assertThat(new JobFileFixture(dir)
                .load(inputs("  delimiter: " + written + "\n")).inputs().delimiterChar())
                .as(written).isEqualTo(delimiter));
    }

    @Test
    void withoutADelimiterEachFileSaysItsOwnAndUtf8IsRead() {
        InputsConfig inputs = new JobFileFixture(dir).load(inputs("")).inputs();

        assertThat(inputs.delimiterChar()).isNull();
        assertThat(inputs.windows1252()).isFalse();
        assertThat(inputs.valuesFor("users")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"'|'", "' '", "comma", "'::'", "'\"\"'"})
    void anyOtherDelimiterIsAConfigurationErrorNamingTheKey(String written) {
        new JobFileFixture(dir).assertProblem(inputs("  delimiter: " + written + "\n"))
                .startsWith("jobs/demo.yml: inputs.delimiter must be ',', ';' or tab (was '")
                .endsWith("); leave it out to tell it from each file's header line");
    }

    @Test
    void windows1252IsAnOptInAndOtherEncodingsAreNamed() {
        assertThat(new JobFileFixture(dir).load(inputs("  encoding: windows-1252\n")).inputs().windows1252()).isTrue();
        assertThat(new JobFileFixture(dir).load(inputs("  encoding: UTF-8\n")).inputs().windows1252()).isFalse();
        for (String other : List.of("latin1", "utf-16", "cp1252", "ascii")) {
            new JobFileFixture(dir).assertProblem(inputs("  encoding: " + other + "\n"))
                    .isEqualTo("jobs/demo.yml: inputs.encoding must be one of utf-8, windows-1252 (was '" + other + "')");
        }
    }

    @Test
    void valueMappingsAreReadPerKindAndColumn() {
        InputsConfig inputs = new JobFileFixture(dir).load(inputs("""
                  memberships: m.csv
                  values:
                    users:
                      active: { ACTIVE: true, SUSPENDED: false, DEPROVISIONED: "False" }
                      org_role: { Owner: admin, Guest: Viewer }
                    memberships:
                      role: { Lead: admin, "Data Steward": Data Steward }
                """)).inputs();

        assertThat(inputs.valuesFor("users").get("active")).containsExactly(Map.entry("ACTIVE", "true"),
                Map.entry("SUSPENDED", "false"), Map.entry("DEPROVISIONED", "False"));
        assertThat(inputs.valuesFor("users").get("org_role")).containsEntry("Guest", "Viewer");
        assertThat(inputs.valuesFor("memberships").get("role")).containsEntry("Data Steward", "Data Steward");
        assertThat(inputs.valuesFor("teams")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "users: { active: { SUSPENDED: maybe } }"
                    + "|inputs.values.users.active.SUSPENDED must be true, false or removed, a value of active (was 'maybe')",
            "users: { active: { Yes: y } }"
                    + "|inputs.values.users.active.Yes must be true, false or removed, a value of active (was 'y')",
            "users: { org_role: { Owner: owner } }"
                    + "|inputs.values.users.org_role.Owner must be admin, member or viewer, a value of org_role"
                    + " (was 'owner')",
            "memberships: { role: { Lead: 'team/lead' } }"
                    + "|inputs.values.memberships.role.Lead must be admin, member, viewer or a custom role's name"
                    + " (1 to 64 letters, digits, spaces and . _ -), a value of role (was 'team/lead')",
            "users: { email: { a: b } }"
                    + "|inputs.values.users.email cannot be mapped (values can be mapped for users.active,"
                    + " users.org_role, memberships.role)",
            "teams: { team: { a: b } }"
                    + "|inputs.values.teams.team cannot be mapped (values can be mapped for users.active,"
                    + " users.org_role, memberships.role)",
            "people: { active: { a: true } }"
                    + "|inputs.values.people is not an input kind (one of users, teams, memberships, roles, service-accounts)",
            "users: { active: { Active: true, ' ACTIVE ': true } }"
                    + "|inputs.values.users.active maps 'Active' and ' ACTIVE ', which are the same value"
                    + " (cells are matched ignoring case and surrounding spaces)",
            "users: { active: { ' ': false } }"
                    + "|inputs.values.users.active maps an empty value; only values written in the file can be mapped",
            "users: { org_role: { Owner: '' } }"
                    + "|inputs.values.users.org_role.Owner must be admin, member or viewer, a value of org_role"
                    + " (was '')"})
    void aValueMappingThatCannotWorkIsAConfigurationErrorNamingTheKey(String values, String problem) {
        new JobFileFixture(dir).assertProblem(inputs("  values: { " + values + " }\n"))
                .isEqualTo("jobs/demo.yml: " + problem);
    }

    @Test
    void theOldConstructorReadsUtf8WithTheDelimiterOfEachFile() {
        InputsConfig inputs = new InputsConfig(Path.of("u.csv"), null, null, null, Map.of());

        assertThat(inputs.delimiter()).isNull();
        assertThat(inputs.encoding()).isNull();
        assertThat(inputs.values()).isEmpty();
    }
}
