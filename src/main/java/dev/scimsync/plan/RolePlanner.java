package dev.scimsync.plan;

import dev.scimsync.input.IdentityText;
import dev.scimsync.snapshot.RemoteOrg;
import dev.scimsync.snapshot.RemoteRoleRepository.RemoteRole;
import dev.scimsync.state.OwnershipLedger;
import dev.scimsync.validate.DesiredRole;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Plans custom role operations from {@code desired_role} and the snapshot: create what is missing, change
 * permissions with add/remove, description and inherited role with PUT, and under {@code absent-roles: delete}
 * delete roles no row names, listing every user whose team role falls back. {@link #decide} makes the decisions over
 * plain rows (a few dozen roles, held in lists); this class reads them and queues the operations.
 */
@Component
public class RolePlanner {

    private static final int SHOWN_USERS = 20;

    /** In line order, read in primary-key order ({@code run_id} named too, or H2 sorts). */
    static final String DESIRED = """
            SELECT line_no, name, inherited_from, permissions, description FROM desired_role
            WHERE run_id = ? ORDER BY run_id, line_no""";

    private static final String REMOTE = """
            SELECT id, name, inherited_from, permissions, inherited, description FROM remote_role
            WHERE run_id = ? AND pass = 'snapshot' ORDER BY name""";

    private static final String OWNED = """
            SELECT r.name FROM remote_role r WHERE r.run_id = ? AND r.pass = 'snapshot'
              AND""" + OwnershipLedger.owned("roles", "r.name");

    private static final String INVALID_ROWS = """
            SELECT row_key FROM row_error WHERE run_id = ? AND kind = 'roles' AND row_key IS NOT NULL""";

    /**
     * What {@code policy.absent-roles: delete} needs.
     *
     * @param invalidRowKeys the keys (role names) of the invalid rows of roles.csv, as they were kept
     * @param owned          the names of the target's roles that the job owns
     */
    record AbsentRoles(Collection<String> invalidRowKeys, Set<String> owned) {
    }

    private final JdbcTemplate jdbc;

    public RolePlanner(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void plan(OpBatch ops, RemoteOrg org, boolean deleteAbsent) {
        String runId = ops.runId();
        List<DesiredRole> desired = jdbc.query(DESIRED, (rs, n) -> new DesiredRole(rs.getLong("line_no"),
                rs.getString("name"), rs.getString("inherited_from"), split(rs.getString("permissions")),
                rs.getString("description")), runId);
        List<RemoteRole> remote = jdbc.query(REMOTE, (rs, n) -> new RemoteRole(rs.getString("id"),
                rs.getString("name"), rs.getString("inherited_from"), rs.getString("permissions"),
                rs.getString("inherited"), rs.getString("description")), runId);
        AbsentRoles absent = !deleteAbsent ? null : new AbsentRoles(
                jdbc.queryForList(INVALID_ROWS, String.class, runId),
                new HashSet<>(jdbc.queryForList(OWNED, String.class, runId, ops.jobName())));
        decide(desired, remote, org, absent).forEach(ops::add);
    }

    /**
     * Decides the role operations of a run, in the order they are numbered: one per row of roles.csv that the
     * target lacks or holds otherwise, then, under {@code absentRoles}, a deletion of each owned role that no row
     * names, not even an invalid one.
     *
     * @param desired     the rows of roles.csv, in line order; permissions sorted, each once
     * @param remote      the target's custom roles; absent ones are deleted in this order
     * @param absentRoles what deleting absent roles needs, or null when absent roles stay
     */
    static List<NewOp> decide(List<DesiredRole> desired, List<RemoteRole> remote, RemoteOrg org,
                              AbsentRoles absentRoles) {
        List<NewOp> ops = new ArrayList<>();
        Map<String, List<RemoteRole>> byName = new HashMap<>();
        for (RemoteRole role : remote) {
            byName.computeIfAbsent(role.name(), k -> new ArrayList<>(1)).add(role);
        }
        for (DesiredRole role : desired) {
            List<RemoteRole> onTarget = byName.get(role.name());
            if (onTarget == null) {
                ops.add(new NewOp(OpKind.CREATE_ROLE, role.name(), "roles", role.line(), null, "",
                        describe(role.inheritedFrom(), role.permissions(), role.description()),
                        new RolePayload(role.name(), null, role.inheritedFrom(), role.description(),
                                role.permissions(), false, List.of(), List.of(), null).toJson()));
            } else {
                for (RemoteRole r : onTarget) {
                    update(role, r, ops);
                }
            }
        }
        if (absentRoles != null) {
            // an invalid row protects every role its name could have meant: names compared in their loose form
            Set<String> invalidRows = new HashSet<>();
            absentRoles.invalidRowKeys().forEach(key -> invalidRows.add(IdentityText.loose(key)));
            Set<String> named = new HashSet<>();
            desired.forEach(role -> named.add(role.name()));
            for (RemoteRole r : remote) {
                if (!named.contains(r.name()) && absentRoles.owned().contains(r.name())
                        && !invalidRows.contains(IdentityText.loose(r.name()))) {
                    ops.add(delete(r, org));
                }
            }
        }
        return ops;
    }

    private static void update(DesiredRole role, RemoteRole r, List<NewOp> ops) {
        String inherited = role.inheritedFrom();
        List<String> permissions = role.permissions();
        String description = role.description();
        List<String> remote = split(r.permissions());
        // the role's own permissions against the row's, as sets: what the inherited role grants does not count,
        // since W&B keeps a custom permission as given and across a change of the inherited role
        List<String> add = new ArrayList<>(permissions);
        add.removeAll(remote);
        List<String> remove = new ArrayList<>(remote);
        remove.removeAll(permissions);
        String remoteDescription = r.description();
        boolean put = !inherited.equals(r.inheritedFrom())
                || description != null && !description.equals(remoteDescription);
        if (put || !add.isEmpty() || !remove.isEmpty()) {
            String keptDescription = description != null ? description : remoteDescription;
            ops.add(new NewOp(OpKind.UPDATE_ROLE, role.name(), "roles", role.line(), r.id(),
                    describe(r.inheritedFrom(), remote, remoteDescription),
                    describe(inherited, permissions, keptDescription),
                    new RolePayload(role.name(), r.id(), inherited, keptDescription, permissions, put, add, remove,
                            null).toJson()));
        }
    }

    private static NewOp delete(RemoteRole r, RemoteOrg org) {
        String inherited = r.inheritedFrom();
        List<String> holders = holders(org, r.name());
        String after = "deleted; " + holders.size() + " users fall back to " + inherited
                + (holders.isEmpty() ? "" : ": " + String.join(", ", holders.subList(0,
                Math.min(SHOWN_USERS, holders.size()))) + (holders.size() > SHOWN_USERS ? ", ..." : ""));
        return new NewOp(OpKind.DELETE_ROLE, r.name(), "roles", null, r.id(),
                describe(inherited, split(r.permissions()), null), after,
                new RolePayload(r.name(), r.id(), inherited, null, null, false, null, null, holders).toJson());
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
