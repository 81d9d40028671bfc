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

    /**
     * Moves every row whose email repeats an earlier row's (ignoring case) to {@code row_error}, naming the first
     * line. Done in SQL after loading, so memory stays flat however large the file.
     *
     * @return the number of rows moved
     */
    public int rejectDuplicateEmails(String runId, String fileName, String emailHeader) {
        String duplicates = "FROM desired_user d JOIN (SELECT email_key, MIN(line_no) AS first_line FROM desired_user"
                + " WHERE run_id = ? GROUP BY email_key HAVING COUNT(*) > 1) f ON f.email_key = d.email_key"
                + " WHERE d.run_id = ? AND d.line_no > f.first_line";
        int moved = jdbc.update("INSERT INTO row_error (run_id, kind, line_no, seq, column_name, reason, row_key, raw)"
                + " SELECT d.run_id, 'users', d.line_no, 1, ?, CONCAT('duplicate email ''', d.email,"
                + " ''' (also on line ', CAST(f.first_line AS VARCHAR(20)), ' of ', ?, ', ignoring case)'),"
                + " d.email_key, d.raw " + duplicates, emailHeader, fileName, runId, runId);
        if (moved > 0) {
            jdbc.update("DELETE FROM desired_user WHERE run_id = ? AND line_no IN (SELECT d.line_no " + duplicates + ")",
                    runId, runId, runId);
        }
        return moved;
    }

    public long count(String runId) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM desired_user WHERE run_id = ?", Long.class, runId);
        return n == null ? 0 : n;
    }
}
