package dev.scimsync.state;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * Reads what the target holds that the inputs do not describe, from a run's snapshot and plan. Users now; teams,
 * memberships and roles add a query each.
 */
@Repository
public class Drift {

    /** Active users no input row names, not even an invalid one (as the planner finds absent users). */
    private static final String UNMANAGED_USERS = """
            SELECT r.id, r.email_key, r.user_name, r.org_role, r.display_name, o.kind, o.state, o.error_type, o.detail
            FROM remote_user r
            LEFT JOIN planned_op o ON o.run_id = r.run_id AND o.line_no IS NULL AND o.target_id = r.id
                   AND o.kind = 'DEACTIVATE_USER'
            WHERE r.run_id = ? AND r.pass = 'snapshot' AND r.active = TRUE
              AND """ + DesiredUsers.NAMED_BY_NO_ROW + """
            ORDER BY r.email_key, r.id""";

    /** Operations an input row asked for that were held back; the caller keeps those on protected users. */
    private static final String HELD_BACK_USERS = """
            SELECT r.id, o.object_key AS email_key, r.user_name, r.org_role, r.display_name, o.kind, o.state,
                   o.error_type, o.detail
            FROM planned_op o
            LEFT JOIN remote_user r ON r.run_id = o.run_id AND r.pass = 'snapshot' AND r.id = o.target_id
            WHERE o.run_id = ? AND o.state = 'BLOCKED' AND o.line_no IS NOT NULL
              AND o.kind IN ('DEACTIVATE_USER', 'UPDATE_USER')
            ORDER BY o.object_key, o.seq""";

    private final JdbcTemplate jdbc;

    public Drift(JdbcTemplate jdbc, StateSchema schema) {
        this.jdbc = jdbc;
    }

    /**
     * Streams the user drift of the run whose snapshot and plan are kept under {@code opsRunId}: unmanaged users,
     * then users an input row asks to deactivate or demote although they are protected.
     *
     * @param protectedUsers lower-case emails of {@code policy.protected-users}
     */
    public void forEachUser(String opsRunId, Collection<String> protectedUsers, Consumer<DriftRow> action) {
        jdbc.query(UNMANAGED_USERS, rs -> {
            action.accept(user(rs, DriftRow.UNMANAGED));
        }, opsRunId);
        jdbc.query(HELD_BACK_USERS, rs -> {
            if (protectedUsers.contains(rs.getString("email_key").toLowerCase(Locale.ROOT))) {
                action.accept(user(rs, DriftRow.PROTECTED));
            }
        }, opsRunId);
    }

    private static DriftRow user(ResultSet rs, String finding) throws SQLException {
        String key = rs.getString("email_key") != null ? rs.getString("email_key") : rs.getString("user_name");
        String kind = rs.getString("kind");
        String state = rs.getString("state");
        return new DriftRow("user", key, rs.getString("id"), finding,
                describe(rs.getString("org_role"), rs.getString("display_name")),
                kind == null ? null : OpKind.valueOf(kind), state == null ? null : OpState.valueOf(state),
                rs.getString("error_type"), rs.getString("detail"));
    }

    private static String describe(String orgRole, String displayName) {
        StringBuilder s = new StringBuilder("active");
        if (orgRole != null) {
            s.append("; org_role=").append(orgRole);
        }
        if (displayName != null) {
            s.append("; display_name=").append(displayName);
        }
        return s.toString();
    }
}
