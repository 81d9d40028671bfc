package dev.scimsync.validate;

import dev.scimsync.state.StateDatabase;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Duplicate rows across a whole file: the later ones move to row_error, naming the first line. */
class RowRulesTest {

    private final StateDatabase db = new StateDatabase();
    private final RowRules rules = new RowRules(db.jdbc, db.schema);
    private final DesiredSetRepository sets = new DesiredSetRepository(db.jdbc, db.schema);

    @Test
    void aUserListedTwiceIgnoringCaseKeepsItsFirstRow() {
        db.desired("r1", StateDatabase.user(2, "a@x.org", "member", null, true),
                StateDatabase.user(3, "B@x.org", "member", null, true),
                StateDatabase.user(5, "A@X.org", "member", null, true),
                StateDatabase.user(6, "b@x.org", "member", null, true),
                StateDatabase.user(9, "a@x.org", "member", null, true),
                StateDatabase.user(10, "c@x.org", "member", null, true));
        db.desired("r2", StateDatabase.user(7, "a@x.org", "member", null, true));

        int moved = rejectUsers("r1");

        assertThat(moved).isEqualTo(3);
        assertThat(lines("desired_user", "r1")).containsExactly(2L, 3L, 10L);
        assertThat(lines("desired_user", "r2")).containsExactly(7L);
        assertThat(errors("r1")).containsExactly(
                List.of("users", 5L, 1, "Email", "duplicate email (ignoring case) 'A@X.org' (also on line 2 of"
                        + " in/users.csv)", "a@x.org", "[]"),
                List.of("users", 6L, 1, "Email", "duplicate email (ignoring case) 'b@x.org' (also on line 3 of"
                        + " in/users.csv)", "b@x.org", "[]"),
                List.of("users", 9L, 1, "Email", "duplicate email (ignoring case) 'a@x.org' (also on line 2 of"
                        + " in/users.csv)", "a@x.org", "[]"));
        assertThat(errors("r2")).isEmpty();
    }

    @Test
    void aMembershipIsItsTeamAndEmailTogether() {
        sets.insertMembers("r1", List.of(member(2, "Red", "a@x.org"), member(3, "Red", "b@x.org"),
                member(4, "Blue", "a@x.org"), member(5, "RED", "A@x.org"), member(6, "red/a", "@x.org")),
                raws(2, 3, 4, 5, 6));

        int moved = rules.rejectDuplicates("r1", "memberships", "desired_member", "team_key, email_key", Map.of(),
                "CONCAT(d.team, ' / ', d.email)", "membership", "email", "m.csv",
                "CONCAT(d.team_key, '/', d.email_key)");

        assertThat(moved).isEqualTo(1);
        assertThat(lines("desired_member", "r1")).containsExactly(2L, 3L, 4L, 6L);
        assertThat(errors("r1")).containsExactly(List.of("memberships", 5L, 1, "email",
                "duplicate membership 'RED / A@x.org' (also on line 2 of m.csv)", "red/a@x.org", "[\"5\"]"));
    }

    @Test
    void teamsIgnoreCaseAndRolesDoNot() {
        sets.insertTeams("r1", List.of(new DesiredTeam(2, "Red", "red"), new DesiredTeam(3, "RED", "red")),
                raws(2, 3));
        sets.insertRoles("r1", List.of(role(2, "Auditor"), role(3, "auditor"), role(4, "Auditor")), raws(2, 3, 4));

        int teams = rules.rejectDuplicates("r1", "teams", "desired_team", "name_key", Map.of(), "d.name",
                "team (ignoring case)", "team", "t.csv", "d.name_key");
        int roles = rules.rejectDuplicates("r1", "roles", "desired_role", "name", Map.of(), "d.name", "role", "name",
                "roles.csv", "d.name");

        assertThat(teams).isEqualTo(1);
        assertThat(roles).isEqualTo(1);
        assertThat(errors("r1")).containsExactly(
                List.of("roles", 4L, 1, "name", "duplicate role 'Auditor' (also on line 2 of roles.csv)", "Auditor",
                        "[\"4\"]"),
                List.of("teams", 3L, 1, "team", "duplicate team (ignoring case) 'RED' (also on line 2 of t.csv)",
                        "red", "[\"3\"]"));
    }

    @Test
    void aFileWithoutDuplicatesIsLeftAlone() {
        List<DesiredTeam> teams = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            teams.add(new DesiredTeam(i + 2, "Team " + i, "team " + i));
        }
        sets.insertTeams("r1", teams, Collections.nCopies(teams.size(), "[]"));

        assertThat(rules.rejectDuplicates("r1", "teams", "desired_team", "name_key", Map.of(), "d.name",
                "team (ignoring case)", "team", "t.csv", "d.name_key")).isZero();
        assertThat(db.jdbc.queryForObject("SELECT COUNT(*) FROM desired_team", Long.class)).isEqualTo(5000L);
    }

    @Test
    void manyRowsOfOneKeyAllNameTheFirst() {
        List<DesiredTeam> teams = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            teams.add(new DesiredTeam(i + 2, i % 2 == 0 ? "Same" : "Other " + i, i % 2 == 0 ? "same" : "other " + i));
        }
        sets.insertTeams("r1", teams, Collections.nCopies(teams.size(), "[]"));

        int moved = new TransactionTemplate(db.transactions).execute(tx -> rules.rejectDuplicates("r1", "teams",
                "desired_team", "name_key", Map.of(), "d.name", "team (ignoring case)", "team", "t.csv", "d.name_key"));

        assertThat(moved).isEqualTo(1499);
        assertThat(db.jdbc.queryForList("SELECT DISTINCT reason FROM row_error", String.class))
                .containsExactly("duplicate team (ignoring case) 'Same' (also on line 2 of t.csv)");
        assertThat(db.jdbc.queryForObject("SELECT COUNT(*) FROM desired_team WHERE name_key = 'same'", Long.class))
                .isEqualTo(1L);
    }

    /** In a transaction, as in the job. */
    private int rejectUsers(String runId) {
        return new TransactionTemplate(db.transactions).execute(tx -> rules.rejectDuplicates(runId, "users", "desired_user", "email_key", Map.of(), "d.email",
                "email (ignoring case)", "Email", "in/users.csv", "d.email_key"));
    }

    private static DesiredMember member(long line, String team, String email) {
        return new DesiredMember(line, team, team.toLowerCase(Locale.ROOT), email, email.toLowerCase(Locale.ROOT),
                null);
    }

    private static DesiredRole role(long line, String name) {
        return new DesiredRole(line, name, "viewer", List.of("project:read"), null);
    }

    private static List<String> raws(long... lines) {
        List<String> raws = new ArrayList<>();
        for (long line : lines) {
            raws.add("[\"" + line + "\"]");
        }
        return raws;
    }

    private List<Long> lines(String table, String runId) {
        return db.jdbc.queryForList("SELECT line_no FROM " + table + " WHERE run_id = ? ORDER BY line_no",
                Long.class, runId);
    }

    @Test
    void rowsOfOneKeyThatAgreeKeepTheFirstAndRowsThatDisagreeAreAllRejected() {
        List<String> labels = List.of("org_role", "active");
        List<RowRules.Row> agree = List.of(new RowRules.Row(2, "a@x.org", Arrays.asList("admin", "TRUE")),
                new RowRules.Row(5, "A@x.org", Arrays.asList("admin", "TRUE")),
                new RowRules.Row(9, "a@X.org", Arrays.asList("admin", "TRUE")));
        assertThat(RowRules.decide(agree, labels, "email", "u.csv")).containsExactly(
                new RowRules.Rejection(5, "duplicate email 'A@x.org' (also on line 2 of u.csv)"),
                new RowRules.Rejection(9, "duplicate email 'a@X.org' (also on line 2 of u.csv)"));

        List<RowRules.Row> disagree = List.of(new RowRules.Row(2, "a@x.org", Arrays.asList("admin", "TRUE")),
                new RowRules.Row(5, "A@x.org", Arrays.asList("admin", "TRUE")),
                new RowRules.Row(9, "a@X.org", Arrays.asList(null, "TRUE")));
        assertThat(RowRules.decide(disagree, labels, "email", "u.csv")).containsExactly(
                new RowRules.Rejection(2, "duplicate email 'a@x.org' with other values on lines 5, 9 of u.csv"
                        + " (here org_role 'admin'); none of these rows is applied until they agree"),
                new RowRules.Rejection(5, "duplicate email 'A@x.org' with other values on lines 2, 9 of u.csv"
                        + " (here org_role 'admin'); none of these rows is applied until they agree"),
                new RowRules.Rejection(9, "duplicate email 'a@X.org' with other values on lines 2, 5 of u.csv"
                        + " (here org_role (empty)); none of these rows is applied until they agree"));
    }

    private List<List<Object>> errors(String runId) {
        return db.jdbc.query("SELECT kind, line_no, seq, column_name, reason, row_key, raw FROM row_error"
                + " WHERE run_id = ? ORDER BY kind, line_no", (rs, n) -> List.<Object>of(rs.getString(1),
                rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)),
                runId);
    }
}
