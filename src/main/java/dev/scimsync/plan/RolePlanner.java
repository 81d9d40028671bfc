package dev.scimsync.plan;

import dev.scimsync.input.IdentityText;
import dev.scimsync.plan.OpKind;
import dev.scimsync.state.OwnershipLedger;
import dev.scimsync.snapshot.RemoteOrg;
import dev.scimsync.plan.RolePayload;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Plans custom role operations from {@code desired_role} and the snapshot: create what is missing, change
 * permissions with add/remove, description and inherited role with PUT, and under {@code absent-roles: delete}
 * delete roles no row names, listing every user whose team role falls back.
 */
@Component
public class RolePlanner {

    private static final int SHOWN_USERS = 20;

    private static final String DESIRED = """
            SELECT d.line_no, d.name, d.inherited_from, d.permissions, d.description,
                   r.id AS r_id, r.inherited_from AS r_inherited, r.permissions AS r_permissions,
                   r.inherited AS r_granted, r.description AS r_description
            FROM desired_role d
            LEFT JOIN remote_role r ON r.run_id = d.run_id AND r.pass = 'snapshot' AND r.name = d.name
            WHERE d.run_id = ? ORDER BY d.line_no""";

    private static final String ABSENT = """
            SELECT r.id, r.name, r.inherited_from, r.permissions FROM remote_role r
            WHERE r.run_id = ? AND r.pass = 'snapshot'
              AND NOT EXISTS (SELECT 1 FROM desired_role d WHERE d.run_id = r.run_id AND d.name = r.name)
              AND """ + OwnershipLedger.owned("roles", "r.name") + """
            ORDER BY r.name""";

    private final JdbcTemplate jdbc;

    public RolePlanner(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void plan(OpBatch ops, RemoteOrg org, boolean deleteAbsent) {
        String runId = ops.runId();
        jdbc.query(DESIRED, rs -> {
            String name = rs.getString("name");
            String inherited = rs.getString("inherited_from");
            List<String> permissions = split(rs.getString("permissions"));
            String description = rs.getString("description");
            String id = rs.getString("r_id");
            long line = rs.getLong("line_no");
            if (id == null) {
                ops.add(OpKind.CREATE_ROLE, name, "roles", line, null, "",
                        describe(inherited, permissions, description), new RolePayload(name, null, inherited,
                                description, permissions, false, List.of(), List.of(), null).toJson());
                return;
            }
            List<String> remote = split(rs.getString("r_permissions"));
            List<String> add = new ArrayList<>(permissions);
            add.removeAll(remote);
            if (inherited.equals(rs.getString("r_inherited"))) {
                // a permission the inherited role grants already is never listed as the role's own
                add.removeAll(split(rs.getString("r_granted")));
            }
            List<String> remove = new ArrayList<>(remote);
            remove.removeAll(permissions);
            String remoteDescription = rs.getString("r_description");
            boolean put = !inherited.equals(rs.getString("r_inherited"))
                    || description != null && !description.equals(remoteDescription);
            if (put || !add.isEmpty() || !remove.isEmpty()) {
                String keptDescription = description != null ? description : remoteDescription;
                ops.add(OpKind.UPDATE_ROLE, name, "roles", line, id,
                        describe(rs.getString("r_inherited"), remote, remoteDescription),
                        describe(inherited, permissions, keptDescription),
                        new RolePayload(name, id, inherited, keptDescription, permissions, put, add, remove, null)
                                .toJson());
            }
        }, runId);
        if (deleteAbsent) {
            // an invalid row protects every role its name could have meant: names compared in their loose form
            Set<String> invalidRows = new HashSet<>();
            jdbc.query("SELECT row_key FROM row_error WHERE run_id = ? AND kind = 'roles' AND row_key IS NOT NULL",
                    rs -> {
                invalidRows.add(IdentityText.loose(rs.getString(1)));
            }, runId);
            jdbc.query(ABSENT, rs -> {
                String name = rs.getString("name");
                if (invalidRows.contains(IdentityText.loose(name))) {
                    return;
                }
                String inherited = rs.getString("inherited_from");
                List<String> holders = holders(org, name);
                String after = "deleted; " + holders.size() + " users fall back to " + inherited
                        + (holders.isEmpty() ? "" : ": " + String.join(", ", holders.subList(0,
                        Math.min(SHOWN_USERS, holders.size()))) + (holders.size() > SHOWN_USERS ? ", ..." : ""));
                ops.add(OpKind.DELETE_ROLE, name, "roles", null, rs.getString("id"),
                        describe(inherited, split(rs.getString("permissions")), null), after,
                        new RolePayload(name, rs.getString("id"), inherited, null, null, false, null, null, holders)
                                .toJson());
            }, runId, ops.jobName());
        }
    }

    /** Every user (by email, else id) holding the role in a team, once a team, sorted. */
    private static List<String> holders(RemoteOrg org, String role) {
        List<String> holders = new ArrayList<>();
        for (RemoteOrg.User user : org.users()) {
            for (String held : user.teamRoles().values()) {
                if (held.equals(role)) {
                    holders.add(user.emailKey() != null ? user.emailKey() : user.id());
                }
            }
        }
        holders.sort(null);
        return holders;
    }

    private static List<String> split(String permissions) {
        if (permissions == null || permissions.isEmpty()) {
            return List.of();
        }
        return List.copyOf(new TreeSet<>(Arrays.asList(permissions.split(";"))));
    }

    private static String describe(String inherited, List<String> permissions, String description) {
        return "inherits " + Objects.toString(inherited, "?") + "; permissions=" + String.join(";", permissions)
                + (description == null ? "" : "; description=" + description);
    }
}
