package dev.scimsync.state;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Locale;

/** JDBC access to the target's teams, members, team roles and custom roles as a run listed them. */
@Repository
public class RemoteSets {

    /** A team (SCIM group) and its members' user ids. */
    public record RemoteGroup(String id, String name, List<String> memberIds) {
    }

    /** A user's role in one team. */
    public record RemoteTeamRole(String userId, String team, String role) {
    }

    /**
     * A custom role with its custom permissions and those it inherits, each sorted and joined with ';'.
     */
    public record RemoteRole(String id, String name, String inheritedFrom, String permissions, String inherited,
                             String description) {
    }

    private final JdbcTemplate jdbc;

    public RemoteSets(JdbcTemplate jdbc, StateSchema schema) {
        this.jdbc = jdbc;
    }

    /** Clears the teams, members and custom roles of a pass. */
    public void clear(String runId, String pass) {
        for (String table : List.of("remote_group", "remote_member", "remote_role")) {
            jdbc.update("DELETE FROM " + table + " WHERE run_id = ? AND pass = ?", runId, pass);
        }
    }

    /** Clears the team roles of a pass: they are listed with the users. */
    public void clearTeamRoles(String runId, String pass) {
        jdbc.update("DELETE FROM remote_team_role WHERE run_id = ? AND pass = ?", runId, pass);
    }

    public void insertGroups(String runId, String pass, List<RemoteGroup> groups) {
        jdbc.batchUpdate("INSERT INTO remote_group (run_id, pass, id, name, name_key) VALUES (?, ?, ?, ?, ?)",
                groups.stream().map(g -> new Object[] {runId, pass, g.id(), g.name(), lower(g.name())}).toList());
        jdbc.batchUpdate("INSERT INTO remote_member (run_id, pass, group_id, user_id) VALUES (?, ?, ?, ?)",
                groups.stream().flatMap(g -> g.memberIds().stream().distinct()
                        .map(u -> new Object[] {runId, pass, g.id(), u})).toList());
    }

    public void insertTeamRoles(String runId, String pass, List<RemoteTeamRole> roles) {
        jdbc.batchUpdate("INSERT INTO remote_team_role (run_id, pass, user_id, team_key, role) VALUES (?, ?, ?, ?, ?)",
                roles.stream().map(r -> new Object[] {runId, pass, r.userId(), lower(r.team()), r.role()}).toList());
    }

    public void insertRoles(String runId, String pass, List<RemoteRole> roles) {
        jdbc.batchUpdate("INSERT INTO remote_role (run_id, pass, id, name, inherited_from, permissions, inherited,"
                        + " description) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                roles.stream().map(r -> new Object[] {runId, pass, r.id(), r.name(), r.inheritedFrom(),
                        r.permissions(), r.inherited(), r.description()}).toList());
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
