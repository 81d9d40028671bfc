package dev.scimsync.state;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Locale;

/**
 * JDBC access to {@code remote_user}: the target's users as listed by a run. A run lists twice: {@link #SNAPSHOT}
 * before planning and {@link #VERIFY} after applying.
 */
@Repository
public class RemoteUsers {

    public static final String SNAPSHOT = "snapshot";
    public static final String VERIFY = "verify";

    private final JdbcTemplate jdbc;

    public RemoteUsers(JdbcTemplate jdbc, StateSchema schema) {
        this.jdbc = jdbc;
    }

    public void clear(String runId, String pass) {
        jdbc.update("DELETE FROM remote_user WHERE run_id = ? AND pass = ?", runId, pass);
    }

    public void insert(String runId, String pass, List<RemoteUser> users) {
        jdbc.batchUpdate("INSERT INTO remote_user (run_id, pass, id, user_name, user_name_key, email, email_key,"
                        + " display_name, org_role, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                users.stream().map(u -> new Object[] {runId, pass, u.id(), u.userName(), lower(u.userName()),
                        u.email(), lower(u.email()), u.displayName(), lower(u.orgRole()), u.active()}).toList());
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
