package dev.scimsync.state;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** JDBC access to {@code desired_user}: the valid rows of users.csv. */
@Repository
public class DesiredUsers {

    /**
     * The SQL condition that no row of users.csv names remote user {@code r}, by email or by userName, not even an
     * invalid row: such a user is absent. The planner and the drift report must agree on it.
     */
    public static final String NAMED_BY_NO_ROW =
            " NOT EXISTS (SELECT 1 FROM desired_user d WHERE d.run_id = r.run_id AND d.email_key = r.email_key)"
            + " AND NOT EXISTS (SELECT 1 FROM desired_user d WHERE d.run_id = r.run_id"
            + " AND d.user_name_key = r.user_name_key)"
            + " AND NOT EXISTS (SELECT 1 FROM row_error e WHERE e.run_id = r.run_id AND e.kind = 'users'"
            + " AND e.row_key = r.email_key)"
            + " AND NOT EXISTS (SELECT 1 FROM row_error e WHERE e.run_id = r.run_id AND e.kind = 'users'"
            + " AND e.row_key = r.user_name_key)\n";

    private final JdbcTemplate jdbc;

    public DesiredUsers(JdbcTemplate jdbc, StateSchema schema) {
        this.jdbc = jdbc;
    }

    /** Inserts valid rows with their raw fields (a JSON array each, same order as {@code users}). */
    public void insert(String runId, List<DesiredUser> users, List<String> raws) {
        List<Object[]> args = new ArrayList<>(users.size());
        for (int i = 0; i < users.size(); i++) {
            DesiredUser u = users.get(i);
            args.add(new Object[] {runId, u.line(), u.email(), u.emailKey(), u.userName(),
                    u.userName() == null ? null : u.userName().toLowerCase(Locale.ROOT), u.displayName(), u.orgRole(),
                    u.active(), raws.get(i)});
        }
        jdbc.batchUpdate("INSERT INTO desired_user (run_id, line_no, email, email_key, user_name, user_name_key,"
                + " display_name, org_role, active, raw) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", args);
    }
}
