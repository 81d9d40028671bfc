package dev.scimsync.state;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.List;

/** JDBC access to the valid rows of teams.csv, memberships.csv and roles.csv. */
@Repository
public class DesiredSets {

    private final JdbcTemplate jdbc;

    public DesiredSets(JdbcTemplate jdbc, StateSchema schema) {
        this.jdbc = jdbc;
    }

    public void insertTeams(String runId, List<DesiredTeam> teams, List<String> raws) {
        List<Object[]> args = new ArrayList<>(teams.size());
        for (int i = 0; i < teams.size(); i++) {
            DesiredTeam t = teams.get(i);
            args.add(new Object[] {runId, t.line(), t.name(), t.nameKey(), raws.get(i)});
        }
        jdbc.batchUpdate("INSERT INTO desired_team (run_id, line_no, name, name_key, raw) VALUES (?, ?, ?, ?, ?)",
                args);
    }

    public void insertMembers(String runId, List<DesiredMember> members, List<String> raws) {
        List<Object[]> args = new ArrayList<>(members.size());
        for (int i = 0; i < members.size(); i++) {
            DesiredMember m = members.get(i);
            args.add(new Object[] {runId, m.line(), m.team(), m.teamKey(), m.email(), m.emailKey(), m.role(),
                    raws.get(i)});
        }
        jdbc.batchUpdate("INSERT INTO desired_member (run_id, line_no, team, team_key, email, email_key, role, raw)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", args);
    }

    public void insertRoles(String runId, List<DesiredRole> roles, List<String> raws) {
        List<Object[]> args = new ArrayList<>(roles.size());
        for (int i = 0; i < roles.size(); i++) {
            DesiredRole r = roles.get(i);
            args.add(new Object[] {runId, r.line(), r.name(), r.inheritedFrom(), r.permissionList(),
                    r.description(), raws.get(i)});
        }
        jdbc.batchUpdate("INSERT INTO desired_role (run_id, line_no, name, inherited_from, permissions, description,"
                + " raw) VALUES (?, ?, ?, ?, ?, ?, ?)", args);
    }
}
