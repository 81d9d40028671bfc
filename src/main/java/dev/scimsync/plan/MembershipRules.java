package dev.scimsync.plan;

import dev.scimsync.state.RemoteOrg;
import dev.scimsync.state.RemoteOrgs;
import dev.scimsync.state.RowRules;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rules of memberships.csv that need the other files and the target: the user must be in users.csv or in the
 * organisation, and a custom role must be in roles.csv or on the target. A row that breaks one is invalid (file,
 * line, reason), never a failed request.
 */
@Component
public class MembershipRules {

    private static final int IN_LIST = 1000;

    private final RowRules rules;
    private final JdbcTemplate jdbc;
    private final RemoteOrgs remoteOrgs;

    public MembershipRules(RowRules rules, JdbcTemplate jdbc, RemoteOrgs remoteOrgs) {
        this.rules = rules;
        this.jdbc = jdbc;
        this.remoteOrgs = remoteOrgs;
    }

    /** @return the number of rows rejected */
    public int apply(String runId, String emailHeader, String roleHeader) {
        int rejected = rejectLines(runId, unknownUsers(runId), "CONCAT('user ''', d.email, ''' is neither in"
                + " users.csv nor in the organisation')", emailHeader);
        rejected += rules.reject(runId, "memberships", "desired_member", """
                        WHERE d.run_id = ? AND d.role IS NOT NULL AND d.role NOT IN ('admin', 'member', 'viewer')
                          AND NOT EXISTS (SELECT 1 FROM desired_role r WHERE r.run_id = d.run_id AND r.name = d.role)
                          AND NOT EXISTS (SELECT 1 FROM remote_role r WHERE r.run_id = d.run_id AND r.pass = 'snapshot'
                                          AND r.name = d.role)""",
                List.of(runId), "CONCAT('custom role ''', d.role, ''' exists neither in roles.csv nor on the target')",
                List.of(), "CONCAT(d.team_key, '/', d.email_key)", roleHeader);
        return rejected;
    }

    /**
     * The lines whose user is neither listed on the target nor an active row of users.csv. Only the emails the
     * target does not list are kept in memory while users.csv is read.
     */
    private List<Long> unknownUsers(String runId) {
        RemoteOrg org = remoteOrgs.load(runId, RemoteOrgs.SNAPSHOT);
        Map<String, List<Long>> linesByEmail = new HashMap<>();
        jdbc.query("SELECT line_no, email_key FROM desired_member WHERE run_id = ?", rs -> {
            String email = rs.getString(2);
            if (org.userByEmailKey(email) == null) {
                linesByEmail.computeIfAbsent(email, k -> new ArrayList<>(1)).add(rs.getLong(1));
            }
        }, runId);
        if (!linesByEmail.isEmpty()) {
            jdbc.query("SELECT email_key FROM desired_user WHERE run_id = ? AND active = TRUE", rs -> {
                linesByEmail.remove(rs.getString(1));
            }, runId);
        }
        List<Long> lines = new ArrayList<>();
        linesByEmail.values().forEach(lines::addAll);
        Collections.sort(lines);
        return lines;
    }

    private int rejectLines(String runId, List<Long> lines, String reasonSql, String column) {
        int rejected = 0;
        for (int from = 0; from < lines.size(); from += IN_LIST) {
            List<Long> batch = lines.subList(from, Math.min(lines.size(), from + IN_LIST));
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
