package dev.scimsync.validate;

import dev.scimsync.state.StateSchema;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/**
 * JDBC access to the valid rows of teams.csv, memberships.csv, roles.csv and service-accounts.csv. The parameters are bound with their
 * types, as every loaded row goes through here.
 */
@Repository
public class DesiredSetRepository {

    private final JdbcTemplate jdbc;

    public DesiredSetRepository(JdbcTemplate jdbc, StateSchema schema) {
        this.jdbc = jdbc;
    }

    public void insertTeams(String runId, List<DesiredTeam> teams, List<String> raws) {
        batch("INSERT INTO desired_team (run_id, line_no, name, name_key, raw) VALUES (?, ?, ?, ?, ?)", teams.size(),
                (ps, i) -> {
                    DesiredTeam t = teams.get(i);
                    ps.setString(1, runId);
                    ps.setLong(2, t.line());
                    ps.setString(3, t.name());
                    ps.setString(4, t.nameKey());
                    nullable(ps, 5, raws.get(i));
                });
    }

    public void insertMembers(String runId, List<DesiredMember> members, List<String> raws) {
        batch("INSERT INTO desired_member (run_id, line_no, team, team_key, email, email_key, role, raw)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", members.size(), (ps, i) -> {
                    DesiredMember m = members.get(i);
                    ps.setString(1, runId);
                    ps.setLong(2, m.line());
                    ps.setString(3, m.team());
                    ps.setString(4, m.teamKey());
                    ps.setString(5, m.email());
                    ps.setString(6, m.emailKey());
                    nullable(ps, 7, m.role());
                    nullable(ps, 8, raws.get(i));
                });
    }

    public void insertRoles(String runId, List<DesiredRole> roles, List<String> raws) {
        batch("INSERT INTO desired_role (run_id, line_no, name, inherited_from, permissions, description, raw)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", roles.size(), (ps, i) -> {
                    DesiredRole r = roles.get(i);
                    ps.setString(1, runId);
                    ps.setLong(2, r.line());
                    ps.setString(3, r.name());
                    ps.setString(4, r.inheritedFrom());
                    ps.setString(5, r.permissionList());
                    nullable(ps, 6, r.description());
                    nullable(ps, 7, raws.get(i));
                });
    }

    public void insertServiceAccounts(String runId, List<DesiredServiceAccount> accounts, List<String> raws) {
        batch("INSERT INTO desired_service_account (run_id, line_no, team, team_key, description, raw)"
                + " VALUES (?, ?, ?, ?, ?, ?)", accounts.size(), (ps, i) -> {
                    DesiredServiceAccount a = accounts.get(i);
                    ps.setString(1, runId);
                    ps.setLong(2, a.line());
                    ps.setString(3, a.team());
                    ps.setString(4, a.teamKey());
                    ps.setString(5, a.description());
                    nullable(ps, 6, raws.get(i));
                });
    }

    /** The valid rows of service-accounts.csv, in line order. */
    public List<DesiredServiceAccount> serviceAccounts(String runId) {
        return jdbc.query("SELECT line_no, team, team_key, description FROM desired_service_account"
                + " WHERE run_id = ? ORDER BY run_id, line_no", (rs, n) -> new DesiredServiceAccount(rs.getLong(1),
                rs.getString(2), rs.getString(3), rs.getString(4)), runId);
    }

    /** The lower-case names of the teams the run's valid rows of service-accounts.csv name, each once. */
    public List<String> serviceAccountTeams(String runId) {
        return jdbc.queryForList("SELECT DISTINCT team_key FROM desired_service_account WHERE run_id = ?"
                + " ORDER BY team_key", String.class, runId);
    }

    private interface Row {
        void bind(PreparedStatement ps, int i) throws SQLException;
    }

    private void batch(String sql, int size, Row row) {
        if (size == 0) {
            return;
        }
        jdbc.batchUpdate(sql, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                row.bind(ps, i);
            }

            @Override
            public int getBatchSize() {
                return size;
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
