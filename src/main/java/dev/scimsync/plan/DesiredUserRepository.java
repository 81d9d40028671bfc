package dev.scimsync.plan;

import dev.scimsync.snapshot.RemoteOrg;
import dev.scimsync.state.StateSchema;
import dev.scimsync.validate.DesiredUser;

import dev.scimsync.input.IdentityText;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** JDBC access to {@code desired_user}: the valid rows of users.csv. */
@Repository
public class DesiredUserRepository {

    private final JdbcTemplate jdbc;

    public DesiredUserRepository(JdbcTemplate jdbc, StateSchema schema) {
        this.jdbc = jdbc;
    }

    /**
     * The active users of {@code org} that no row of users.csv names, by email or by userName, not even an invalid
     * row: absent users, sorted by email (users without one first), then id. An invalid row names every user whose
     * email or userName has its key's loose form ({@link IdentityText#loose}: no invisible characters or white space,
     * NFKC, case-folded), so a typo never makes the real account absent. The planner and the drift report both ask
     * here, so they always agree. Memory grows with the organisation, not with the file: only keys that some listed
     * user has are kept.
     */
    public List<RemoteOrg.User> absent(String runId, RemoteOrg org) {
        return absent(runId, org, false);
    }

    /** The same, inactive users too when {@code inactiveToo}: those that must leave the organisation. */
    public List<RemoteOrg.User> absent(String runId, RemoteOrg org, boolean inactiveToo) {
        Set<String> namedEmails = new HashSet<>();
        Set<String> namedUserNames = new HashSet<>();
        jdbc.query("SELECT email_key, user_name_key FROM desired_user WHERE run_id = ?", rs -> {
            String email = rs.getString(1);
            String userName = rs.getString(2);
            if (org.userByEmailKey(email) != null) {
                namedEmails.add(email);
            }
            if (org.userByUserNameKey(userName) != null) {
                namedUserNames.add(userName);
            }
        }, runId);
        // an invalid row's key may be an email or a userName, in its loose form
        Set<String> looselyNamed = new HashSet<>();
        jdbc.query("SELECT row_key FROM row_error WHERE run_id = ? AND kind = 'users' AND row_key IS NOT NULL", rs -> {
            looselyNamed.add(IdentityText.loose(rs.getString(1)));
        }, runId);
        List<RemoteOrg.User> absent = new ArrayList<>();
        for (RemoteOrg.User u : org.users()) {
            if ((u.active() || inactiveToo) && (u.emailKey() == null || !namedEmails.contains(u.emailKey()))
                    && (u.userNameKey() == null || !namedUserNames.contains(u.userNameKey()))
                    && !looselyNamed(looselyNamed, u)) {
                absent.add(u);
            }
        }
        absent.sort(Comparator.comparing(RemoteOrg.User::emailKey, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(RemoteOrg.User::id));
        return absent;
    }

    private static boolean looselyNamed(Set<String> looselyNamed, RemoteOrg.User user) {
        return !looselyNamed.isEmpty() && (looselyNamed.contains(IdentityText.loose(user.emailKey()))
                || looselyNamed.contains(IdentityText.loose(user.userNameKey())));
    }

    /** Inserts valid rows with their raw fields (a JSON array each, same order as {@code users}). */
    public void insert(String runId, List<DesiredUser> users, List<String> raws) {
        if (users.isEmpty()) {
            return;
        }
        // bound with their types: every row of users.csv goes through here
        jdbc.batchUpdate("INSERT INTO desired_user (run_id, line_no, email, email_key, user_name, user_name_key,"
                + " display_name, org_role, active, raw, removed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        DesiredUser u = users.get(i);
                        ps.setString(1, runId);
                        ps.setLong(2, u.line());
                        ps.setString(3, u.email());
                        ps.setString(4, u.emailKey());
                        nullable(ps, 5, u.userName());
                        nullable(ps, 6, u.userName() == null ? null : u.userName().toLowerCase(Locale.ROOT));
                        nullable(ps, 7, u.displayName());
                        nullable(ps, 8, u.orgRole());
                        ps.setBoolean(9, u.active());
                        nullable(ps, 10, raws.get(i));
                        ps.setBoolean(11, u.removed());
                    }

                    @Override
                    public int getBatchSize() {
                        return users.size();
                    }
                });
    }

    private static void nullable(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }
}
