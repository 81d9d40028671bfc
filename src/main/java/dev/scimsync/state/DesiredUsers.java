package dev.scimsync.state;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** JDBC access to {@code desired_user}: the valid rows of users.csv. */
@Repository
public class DesiredUsers {

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
