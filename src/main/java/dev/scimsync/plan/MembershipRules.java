package dev.scimsync.plan;

import dev.scimsync.config.RoleNames;
import dev.scimsync.state.InLists;
import dev.scimsync.snapshot.RemoteOrg;
import dev.scimsync.snapshot.SnapshotRepository;
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
 * line, reason), never a failed request.
 */
@Component
public class MembershipRules {

    private static final Set<String> BUILT_IN = RoleNames.BUILT_IN;

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
        Set<String> customRoles = new HashSet<>(jdbc.queryForList("SELECT name FROM desired_role WHERE run_id = ?",
                String.class, runId));
        customRoles.addAll(jdbc.queryForList("SELECT name FROM remote_role WHERE run_id = ? AND pass = 'snapshot'",
                String.class, runId));
        // one pass over memberships.csv; only the emails the target does not list are kept while users.csv is read
        Map<String, List<Long>> linesByEmail = new HashMap<>();
        List<Long> unknownRoles = new ArrayList<>();
        jdbc.query("SELECT line_no, email_key, role FROM desired_member WHERE run_id = ? ORDER BY run_id, line_no",
                rs -> {
            long line = rs.getLong(1);
            String email = rs.getString(2);
            String role = rs.getString(3);
            if (org.userByEmailKey(email) == null) {
                linesByEmail.computeIfAbsent(email, k -> new ArrayList<>(1)).add(line);
            }
            if (teamRoles && role != null && !BUILT_IN.contains(role) && !customRoles.contains(role)) {
                unknownRoles.add(line);
            }
        }, runId);
        if (!linesByEmail.isEmpty()) {
            jdbc.query("SELECT email_key FROM desired_user WHERE run_id = ? AND active = TRUE", rs -> {
                linesByEmail.remove(rs.getString(1));
            }, runId);
        }
        List<Long> unknownUsers = new ArrayList<>();
        linesByEmail.values().forEach(unknownUsers::addAll);
        Collections.sort(unknownUsers);
        int rejected = rejectLines(runId, unknownUsers,
                "CONCAT('user ''', d.email, ''' is neither in users.csv nor in the organisation')", emailHeader);
        // a row whose user is unknown is rejected for that alone
        unknownRoles.removeAll(new HashSet<>(unknownUsers));
        rejected += rejectLines(runId, unknownRoles,
                "CONCAT('custom role ''', d.role, ''' exists neither in roles.csv nor on the target')", roleHeader);
        return rejected;
    }

    private int rejectLines(String runId, List<Long> lines, String reasonSql, String column) {
        int rejected = 0;
        for (List<Long> batch : InLists.of(lines)) {
            List<Object> args = new ArrayList<>();
            args.add(runId);
            args.addAll(batch);
            rejected += rules.reject(runId, "memberships", "desired_member", "WHERE d.run_id = ? AND d.line_no IN ("
                    + String.join(", ", Collections.nCopies(batch.size(), "?")) + ")", args, reasonSql, List.of(),
                    "CONCAT(d.team_key, '/', d.email_key)", column);
        }
        return rejected;
    }
}
