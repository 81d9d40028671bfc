package dev.scimsync.plan;

import dev.scimsync.state.OpKind;
import dev.scimsync.state.Ownership;
import dev.scimsync.state.TeamPayload;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Plans teams, memberships and team roles from {@code desired_team}, {@code desired_member} and the snapshot.
 * Requests grow with changes: a member already in the team with the same role costs nothing.
 */
@Component
public class TeamPlanner {

    private static final Set<String> BUILT_IN = Set.of("admin", "member", "viewer");

    /** Every team the inputs manage (in teams.csv, or named in memberships.csv), with its remote id. */
    private static final String TEAMS = """
            SELECT t.team_key, t.name, t.kind, t.line_no, g.id AS group_id FROM (
                SELECT name_key AS team_key, name, 'teams' AS kind, line_no FROM desired_team WHERE run_id = ?
                UNION ALL
                SELECT m.team_key, m.team, 'memberships', m.line_no FROM desired_member m
                WHERE m.run_id = ?
                  AND m.line_no = (SELECT MIN(f.line_no) FROM desired_member f
                                   WHERE f.run_id = m.run_id AND f.team_key = m.team_key)
                  AND NOT EXISTS (SELECT 1 FROM desired_team t WHERE t.run_id = m.run_id AND t.name_key = m.team_key)
            ) t
            LEFT JOIN remote_group g ON g.run_id = ? AND g.pass = 'snapshot' AND g.name_key = t.team_key
            ORDER BY t.kind DESC, t.line_no""";

    private static final String MEMBERS = """
            SELECT m.line_no, m.team, m.team_key, m.email_key, m.role, g.id AS group_id, u.id AS user_id,
                   rm.user_id AS member_id, tr.role AS role_now
            FROM desired_member m
            LEFT JOIN remote_group g ON g.run_id = m.run_id AND g.pass = 'snapshot' AND g.name_key = m.team_key
            LEFT JOIN remote_user u ON u.run_id = m.run_id AND u.pass = 'snapshot' AND u.email_key = m.email_key
            LEFT JOIN remote_member rm ON rm.run_id = m.run_id AND rm.pass = 'snapshot' AND rm.group_id = g.id
                   AND rm.user_id = u.id
            LEFT JOIN remote_team_role tr ON tr.run_id = m.run_id AND tr.pass = 'snapshot' AND tr.user_id = u.id
                   AND tr.team_key = m.team_key
            WHERE m.run_id = ? ORDER BY m.line_no""";

    /**
     * Members of managed teams that no row names (not even an invalid one) and that the job owns; unknown users are
     * never touched.
     */
    private static final String ABSENT = """
            SELECT g.id AS group_id, g.name, g.name_key, u.id AS user_id, u.email_key, tr.role
            FROM remote_member rm
            JOIN remote_group g ON g.run_id = rm.run_id AND g.pass = rm.pass AND g.id = rm.group_id
            JOIN remote_user u ON u.run_id = rm.run_id AND u.pass = rm.pass AND u.id = rm.user_id
            LEFT JOIN remote_team_role tr ON tr.run_id = rm.run_id AND tr.pass = rm.pass AND tr.user_id = u.id
                   AND tr.team_key = g.name_key
            WHERE rm.run_id = ? AND rm.pass = 'snapshot'
              AND (EXISTS (SELECT 1 FROM desired_team t WHERE t.run_id = rm.run_id AND t.name_key = g.name_key)
                   OR EXISTS (SELECT 1 FROM desired_member m WHERE m.run_id = rm.run_id AND m.team_key = g.name_key))
              AND NOT EXISTS (SELECT 1 FROM desired_member m WHERE m.run_id = rm.run_id AND m.team_key = g.name_key
                              AND m.email_key = u.email_key)
              AND NOT EXISTS (SELECT 1 FROM row_error e WHERE e.run_id = rm.run_id AND e.kind = 'memberships'
                              AND e.row_key = CONCAT(g.name_key, '/', u.email_key))
              AND """ + Ownership.owned("memberships", "CONCAT(g.name_key, '/', u.email_key)") + """
            ORDER BY g.name_key, u.email_key""";

    private final JdbcTemplate jdbc;

    public TeamPlanner(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void plan(OpBatch ops, boolean removeAbsent, Set<String> protectedUsers) {
        String runId = ops.runId();
        jdbc.query(TEAMS, rs -> {
            if (rs.getString("group_id") == null) {
                String teamKey = rs.getString("team_key");
                List<String> members = jdbc.queryForList("SELECT email_key FROM desired_member WHERE run_id = ?"
                        + " AND team_key = ? ORDER BY line_no", String.class, runId, teamKey);
                ops.add(OpKind.CREATE_TEAM, teamKey, rs.getString("kind"), rs.getLong("line_no"), null, "",
                        "team " + rs.getString("name") + " with " + members.size() + " members",
                        TeamPayload.create(rs.getString("name"), members).toJson());
            }
        }, runId, runId, runId);
        jdbc.query(MEMBERS, rs -> {
            long line = rs.getLong("line_no");
            String team = rs.getString("team");
            String email = rs.getString("email_key");
            String key = rs.getString("team_key") + "/" + email;
            String groupId = rs.getString("group_id");
            String userId = rs.getString("user_id");
            boolean member = rs.getString("member_id") != null;
            if (!member) {
                ops.add(OpKind.ADD_MEMBER, key, "memberships", line, groupId, "not a member", "member",
                        TeamPayload.member(team, groupId, email, userId, null).toJson());
            }
            String role = rs.getString("role");
            String current = member && rs.getString("role_now") != null ? rs.getString("role_now")
                    : "member";
            if (role != null && !sameRole(role, current)) {
                ops.add(OpKind.SET_TEAM_ROLE, key, "memberships", line, userId, "team role " + current,
                        "team role " + role, TeamPayload.member(team, groupId, email, userId, role).toJson());
            }
        }, runId);
        if (removeAbsent) {
            jdbc.query(ABSENT, rs -> {
                String email = rs.getString("email_key");
                if (protectedUsers.contains(email)) {
                    return;
                }
                String key = rs.getString("name_key") + "/" + email;
                ops.add(OpKind.REMOVE_MEMBER, key, "memberships", null, rs.getString("group_id"),
                        "member (team role " + (rs.getString("role") == null ? "member" : rs.getString("role")) + ")",
                        "not a member", TeamPayload.member(rs.getString("name"), rs.getString("group_id"), email,
                                rs.getString("user_id"), null).toJson());
            }, runId, ops.jobName());
        }
    }

    private static boolean sameRole(String desired, String current) {
        return BUILT_IN.contains(desired) ? desired.equals(current.toLowerCase(Locale.ROOT)) : desired.equals(current);
    }
}
