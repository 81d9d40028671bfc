package dev.scimsync.snapshot;

import dev.scimsync.state.StateSchema;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.List;

/**
 * JDBC access to the target's custom roles as a run listed them ({@code remote_role}: a few dozen rows, which the
 * role planner and the membership rules read whole). Users and teams are in {@link SnapshotRepository}.
 */
@Repository
public class RemoteRoleRepository {

    /**
     * A custom role with its custom permissions and those it inherits, each sorted and joined with ';'.
     */
    public record RemoteRole(String id, String name, String inheritedFrom, String permissions, String inherited,
                             String description) {
    }

    private final JdbcTemplate jdbc;

    public RemoteRoleRepository(JdbcTemplate jdbc, StateSchema schema) {
        this.jdbc = jdbc;
    }

    /** Clears the custom roles of a pass. */
    public void clear(String runId, String pass) {
        jdbc.update("DELETE FROM remote_role WHERE run_id = ? AND pass = ?", runId, pass);
    }

    public void insertRoles(String runId, String pass, List<RemoteRole> roles) {
        jdbc.batchUpdate("INSERT INTO remote_role (run_id, pass, id, name, inherited_from, permissions, inherited,"
                        + " description) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                roles.stream().map(r -> new Object[] {runId, pass, r.id(), r.name(), r.inheritedFrom(),
                        r.permissions(), r.inherited(), r.description()}).toList());
    }
}
