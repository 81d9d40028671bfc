package dev.scimsync.state;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the state database knows about one user or team: as the inputs described it and as the target held it in
 * the most recent run that looked, and what recent runs did about it.
 */
@Repository
public class Explanations {

    /** A line of the explanation: what, desired, actual. */
    public record Fact(String subject, String desired, String actual) {
    }

    /** An operation of a recent run about the user or team. */
    public record Step(String runId, String command, String action, String key, String state, String detail) {
    }

    private final JdbcTemplate jdbc;
    private final Runs runs;

    public Explanations(JdbcTemplate jdbc, Runs runs) {
        this.jdbc = jdbc;
        this.runs = runs;
    }

    /** The most recent run that loaded or listed this key (a lower-case email or team name). */
    public Optional<RunRecord> latestRunAbout(String key, boolean user) {
        String sql = user ? """
                SELECT r.run_id FROM sync_run r WHERE EXISTS (SELECT 1 FROM desired_user d WHERE d.run_id = r.run_id
                    AND d.email_key = ?) OR EXISTS (SELECT 1 FROM remote_user u WHERE u.run_id = r.run_id
                    AND u.email_key = ?) ORDER BY r.started_at DESC LIMIT 1""" : """
                SELECT r.run_id FROM sync_run r WHERE EXISTS (SELECT 1 FROM desired_member d WHERE d.run_id = r.run_id
                    AND d.team_key = ?) OR EXISTS (SELECT 1 FROM remote_group g WHERE g.run_id = r.run_id
                    AND g.name_key = ?) ORDER BY r.started_at DESC LIMIT 1""";
        String lower = key.toLowerCase(Locale.ROOT);
        return jdbc.queryForList(sql, String.class, lower, lower).stream().findFirst()
                .flatMap(runs::find);
    }

    /** A user's attributes and teams, desired against actual. */
    public List<Fact> user(String runId, String emailKey) {
        List<Fact> facts = new java.util.ArrayList<>();
        jdbc.query("""
                SELECT d.line_no, d.active, d.org_role, d.display_name, u.active AS u_active, u.org_role AS u_role,
                       u.display_name AS u_name, u.id
                FROM (SELECT 1 AS one) x
                LEFT JOIN desired_user d ON d.run_id = ? AND d.email_key = ?
                LEFT JOIN remote_user u ON u.run_id = ? AND u.pass = 'snapshot' AND u.email_key = ?""", rs -> {
            boolean desired = rs.getObject("line_no") != null;
            boolean actual = rs.getString("id") != null;
            facts.add(new Fact("user", desired ? (rs.getBoolean("active") ? "active" : "inactive") + " (line "
                    + rs.getLong("line_no") + ")" : "not in the users file",
                    actual ? (rs.getBoolean("u_active") ? "active" : "inactive") + " (id " + rs.getString("id") + ")"
                            : "not in the organisation"));
            facts.add(new Fact("org role", orUnmanaged(desired, rs.getString("org_role")), orNone(actual,
                    rs.getString("u_role"))));
            facts.add(new Fact("display name", orUnmanaged(desired, rs.getString("display_name")), orNone(actual,
                    rs.getString("u_name"))));
        }, runId, emailKey, runId, emailKey);
        jdbc.query("""
                SELECT t.team_key, MAX(t.desired) AS desired, MAX(t.actual) AS actual FROM (
                    SELECT m.team_key, CONCAT(COALESCE(m.role, 'member (default)'), ' (line ',
                           CAST(m.line_no AS VARCHAR(20)), ')') AS desired, CAST(NULL AS VARCHAR(200)) AS actual
                    FROM desired_member m WHERE m.run_id = ? AND m.email_key = ?
                    UNION ALL
                    SELECT g.name_key, NULL, COALESCE(tr.role, 'member')
                    FROM remote_user u
                    JOIN remote_member rm ON rm.run_id = u.run_id AND rm.pass = u.pass AND rm.user_id = u.id
                    JOIN remote_group g ON g.run_id = rm.run_id AND g.pass = rm.pass AND g.id = rm.group_id
                    LEFT JOIN remote_team_role tr ON tr.run_id = u.run_id AND tr.pass = u.pass AND tr.user_id = u.id
                         AND tr.team_key = g.name_key
                    WHERE u.run_id = ? AND u.pass = 'snapshot' AND u.email_key = ?) t
                GROUP BY t.team_key ORDER BY t.team_key""", rs -> {
            facts.add(new Fact("team " + rs.getString("team_key"),
                    rs.getString("desired") == null ? "not listed" : rs.getString("desired"),
                    rs.getString("actual") == null ? "not a member" : rs.getString("actual")));
        }, runId, emailKey, runId, emailKey);
        return facts;
    }

    /** A team's members, desired against actual. */
    public List<Fact> team(String runId, String teamKey) {
        List<Fact> facts = new java.util.ArrayList<>();
        jdbc.query("""
                SELECT t.email_key, MAX(t.desired) AS desired, MAX(t.actual) AS actual FROM (
                    SELECT m.email_key, CONCAT(COALESCE(m.role, 'member (default)'), ' (line ',
                           CAST(m.line_no AS VARCHAR(20)), ')') AS desired, CAST(NULL AS VARCHAR(200)) AS actual
                    FROM desired_member m WHERE m.run_id = ? AND m.team_key = ?
                    UNION ALL
                    SELECT COALESCE(u.email_key, rm.user_id), NULL, COALESCE(tr.role, 'member')
                    FROM remote_group g
                    JOIN remote_member rm ON rm.run_id = g.run_id AND rm.pass = g.pass AND rm.group_id = g.id
                    LEFT JOIN remote_user u ON u.run_id = g.run_id AND u.pass = g.pass AND u.id = rm.user_id
                    LEFT JOIN remote_team_role tr ON tr.run_id = g.run_id AND tr.pass = g.pass
                         AND tr.user_id = rm.user_id AND tr.team_key = g.name_key
                    WHERE g.run_id = ? AND g.pass = 'snapshot' AND g.name_key = ?) t
                GROUP BY t.email_key ORDER BY t.email_key""", rs -> {
            facts.add(new Fact(rs.getString("email_key"),
                    rs.getString("desired") == null ? "not listed" : rs.getString("desired"),
                    rs.getString("actual") == null ? "not a member" : rs.getString("actual")));
        }, runId, teamKey, runId, teamKey);
        return facts;
    }

    /** Operations about the key in the most recent runs, newest first. */
    public List<Step> steps(String key, int runs) {
        String lower = key.toLowerCase(Locale.ROOT);
        return jdbc.query("""
                SELECT o.run_id, r.command, o.kind, o.object_key, o.state, o.detail FROM planned_op o
                JOIN sync_run r ON r.run_id = o.run_id
                WHERE (o.object_key = ? OR o.object_key LIKE ? OR o.object_key LIKE ?)
                  AND o.run_id IN (SELECT run_id FROM sync_run ORDER BY started_at DESC LIMIT ?)
                ORDER BY r.started_at DESC, o.seq""", (rs, n) -> new Step(rs.getString(1), rs.getString(2),
                OpKind.valueOf(rs.getString(3)).action(), rs.getString(4), rs.getString(5).toLowerCase(Locale.ROOT),
                rs.getString(6)), lower, "%/" + lower, lower + "/%", runs);
    }

    private static String orUnmanaged(boolean desired, String value) {
        return !desired ? "-" : value == null ? "(left as it is)" : value;
    }

    private static String orNone(boolean actual, String value) {
        return !actual ? "-" : value == null ? "(none)" : value;
    }
}
