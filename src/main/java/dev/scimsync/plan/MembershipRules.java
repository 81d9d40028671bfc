package dev.scimsync.plan;

import dev.scimsync.state.RowRules;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Rules of memberships.csv that need the other files and the target: the user must be in users.csv or in the
 * organisation, and a custom role must be in roles.csv or on the target. A row that breaks one is invalid (file,
 * line, reason), never a failed request.
 */
@Component
public class MembershipRules {

    private final RowRules rules;

    public MembershipRules(RowRules rules) {
        this.rules = rules;
    }

    /** @return the number of rows rejected */
    public int apply(String runId, String emailHeader, String roleHeader) {
        int rejected = rules.reject(runId, "memberships", "desired_member", """
                        WHERE d.run_id = ?
                          AND NOT EXISTS (SELECT 1 FROM remote_user u WHERE u.run_id = d.run_id AND u.pass = 'snapshot'
                                          AND u.email_key = d.email_key)
                          AND NOT EXISTS (SELECT 1 FROM desired_user x WHERE x.run_id = d.run_id
                                          AND x.email_key = d.email_key AND x.active = TRUE)""",
                List.of(runId), "CONCAT('user ''', d.email, ''' is neither in users.csv nor in the organisation')",
                List.of(), "CONCAT(d.team_key, '/', d.email_key)", emailHeader);
        rejected += rules.reject(runId, "memberships", "desired_member", """
                        WHERE d.run_id = ? AND d.role IS NOT NULL AND d.role NOT IN ('admin', 'member', 'viewer')
                          AND NOT EXISTS (SELECT 1 FROM desired_role r WHERE r.run_id = d.run_id AND r.name = d.role)
                          AND NOT EXISTS (SELECT 1 FROM remote_role r WHERE r.run_id = d.run_id AND r.pass = 'snapshot'
                                          AND r.name = d.role)""",
                List.of(runId), "CONCAT('custom role ''', d.role, ''' exists neither in roles.csv nor on the target')",
                List.of(), "CONCAT(d.team_key, '/', d.email_key)", roleHeader);
        return rejected;
    }
}
