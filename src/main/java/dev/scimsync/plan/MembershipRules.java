package dev.scimsync.plan;

import dev.scimsync.config.RoleNames;
import dev.scimsync.snapshot.RemoteOrg;
import dev.scimsync.snapshot.SnapshotRepository;
import dev.scimsync.validate.DesiredMember;
import dev.scimsync.validate.RowRules;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rules of memberships.csv that need the other files and the target: the user must be in users.csv or in the
 * organisation, and a custom role must be in roles.csv or on the target. A row that breaks one is invalid (file,
 * line, reason), never a failed request. {@link #decide} finds the rows over plain rows, streamed; this class reads
 * them and moves the rows it finds to {@code row_error}.
 */
@Component
public class MembershipRules {

    private static final Set<String> BUILT_IN = RoleNames.BUILT_IN;

    static final String MEMBERS = """
            SELECT line_no, team, team_key, email, email_key, role FROM desired_member WHERE run_id = ?
            ORDER BY run_id, line_no""";

    /**
     * The lines of memberships.csv that break a rule, each in line order.
     *
     * @param unknownUsers rows whose user is neither in users.csv (as an active user) nor in the organisation
     * @param unknownRoles rows whose custom role is neither in roles.csv nor on the target, and whose user is known:
     *                     a row whose user is unknown is rejected for that alone
     */
    record Rejected(List<Long> unknownUsers, List<Long> unknownRoles) {
    }

    /** A row of users.csv as these rules need it: its lower-case email, and whether the user is to be active. */
    record ListedUser(String emailKey, boolean active) {
    }

    private final RowRules rules;
    private final JdbcTemplate jdbc;
    private final SnapshotRepository remoteOrgs;

    public MembershipRules(RowRules rules, JdbcTemplate jdbc, SnapshotRepository remoteOrgs) {
        this.rules = rules;
        this.jdbc = jdbc;
        this.remoteOrgs = remoteOrgs;
    }

    /** @return the number of rows rejected */
    public int apply(String runId, String emailHeader, String roleHeader) {
        return apply(runId, emailHeader, roleHeader, true);
    }

    /**
     * @param teamRoles whether the target takes team roles: when not, the role column is not applied, and a custom
     *                  role it names need not exist
     * @return the number of rows rejected
     */
    public int apply(String runId, String emailHeader, String roleHeader, boolean teamRoles) {
        RemoteOrg org = remoteOrgs.load(runId, SnapshotRepository.SNAPSHOT);
        Set<String> rolesCsv = new HashSet<>(jdbc.queryForList("SELECT name FROM desired_role WHERE run_id = ?",
                String.class, runId));
        Set<String> targetRoles = new HashSet<>(jdbc.queryForList(
                "SELECT name FROM remote_role WHERE run_id = ? AND pass = 'snapshot'", String.class, runId));
        Rows<DesiredMember> members = action -> jdbc.query(MEMBERS, rs -> {
            action.accept(new DesiredMember(rs.getLong("line_no"), rs.getString("team"), rs.getString("team_key"),
                    rs.getString("email"), rs.getString("email_key"), teamRoles ? rs.getString("role") : null));
        }, runId);
        Rows<ListedUser> users = action -> jdbc.query("SELECT email_key, active FROM desired_user WHERE run_id = ?",
                rs -> {
            action.accept(new ListedUser(rs.getString(1), rs.getBoolean(2)));
        }, runId);
        Rejected rejected = decide(members, org, rolesCsv, targetRoles, users);
        return rejectLines(runId, rejected.unknownUsers(),
                "CONCAT('user ''', d.email, ''' is neither in users.csv nor in the organisation')", emailHeader)
                + rejectLines(runId, rejected.unknownRoles(),
                "CONCAT('custom role ''', d.role, ''' exists neither in roles.csv nor on the target')", roleHeader);
    }

    /**
     * Finds the rows of memberships.csv that break a rule. Memory grows with the rows whose user the organisation
     * does not list, not with the file: only their lines are kept while users.csv is read, and users.csv is read
     * only when there are some.
     *
     * @param members     the rows of memberships.csv, in line order
     * @param rolesCsv    the names of the custom roles in roles.csv
     * @param targetRoles the names of the custom roles on the target
     * @param users       the rows of users.csv; only an active user makes a membership's user known
     */
    static Rejected decide(Rows<DesiredMember> members, RemoteOrg org, Set<String> rolesCsv, Set<String> targetRoles,
                           Rows<ListedUser> users) {
        Map<String, List<Long>> linesByEmail = new HashMap<>();
        List<Long> unknownRoles = new ArrayList<>();
        members.forEach(row -> {
            String email = row.emailKey();
            String role = row.role();
            if (org.userByEmailKey(email) == null) {
                linesByEmail.computeIfAbsent(email, k -> new ArrayList<>(1)).add(row.line());
            }
            if (role != null && !BUILT_IN.contains(role) && !rolesCsv.contains(role) && !targetRoles.contains(role)) {
                unknownRoles.add(row.line());
            }
        });
        if (!linesByEmail.isEmpty()) {
            users.forEach(user -> {
                if (user.active()) {
                    linesByEmail.remove(user.emailKey());
                }
            });
        }
        List<Long> unknownUsers = new ArrayList<>();
        linesByEmail.values().forEach(unknownUsers::addAll);
        Collections.sort(unknownUsers);
        // a row whose user is unknown is rejected for that alone
        unknownRoles.removeAll(new HashSet<>(unknownUsers));
        return new Rejected(unknownUsers, unknownRoles);
    }

    private int rejectLines(String runId, List<Long> lines, String reasonSql, String column) {
        return rules.rejectLines(runId, "memberships", "desired_member", lines, reasonSql,
                "CONCAT(d.team_key, '/', d.email_key)", column);
    }
}
