package dev.scimsync.plan;

import dev.scimsync.config.RemovalLimit;
import dev.scimsync.state.OpKind;
import dev.scimsync.state.Ownership;
import dev.scimsync.state.PlannedOps;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Plans a whole run: custom roles, users, then teams and memberships, into one ordered list of operations; then
 * checks the removals against {@code policy.max-removals} before anything is written.
 */
@Component
public class RunPlanner {

    /** What the policy asks of a plan. */
    /** @param allowRemovals a count that raises {@code maxRemovals} for one run ({@code --allow-removals}), or null */
    public record Policy(boolean deactivateAbsentUsers, boolean removeAbsentMembers, boolean deleteAbsentRoles,
                         Set<String> protectedUsers, boolean manageProfile, RemovalLimit maxRemovals,
                         Long allowRemovals) {
    }

    /**
     * @param operations   operations planned
     * @param heldBack     operations a safety rule holds back
     * @param removalLimit why every removal was held back, or null when the removals are within the limit
     */
    public record Plan(long operations, long heldBack, String removalLimit) {
    }

    private final JdbcTemplate jdbc;
    private final PlannedOps plannedOps;
    private final RolePlanner roles;
    private final UserPlanner users;
    private final TeamPlanner teams;
    private final Ownership ownership;

    public RunPlanner(JdbcTemplate jdbc, PlannedOps plannedOps, RolePlanner roles, UserPlanner users,
                      TeamPlanner teams, Ownership ownership) {
        this.ownership = ownership;
        this.jdbc = jdbc;
        this.plannedOps = plannedOps;
        this.roles = roles;
        this.users = users;
        this.teams = teams;
    }

    public Plan plan(String runId, String jobName, Policy policy) {
        plannedOps.clear(runId);
        ownership.recordInputs(runId, jobName);
        OpBatch ops = new OpBatch(runId, jobName, plannedOps);
        roles.plan(ops, policy.deleteAbsentRoles());
        UserPlanner.UserPlan userPlan = users.plan(ops, policy.deactivateAbsentUsers(), policy.protectedUsers(),
                policy.manageProfile());
        teams.plan(ops, policy.removeAbsentMembers(), policy.protectedUsers());
        ops.flush();
        String limit = checkRemovals(runId, policy.maxRemovals(), policy.allowRemovals());
        if (limit != null) {
            plannedOps.blockRemovals(runId, limit);
        }
        return new Plan(ops.count(), userPlan.blocked(), limit);
    }

    /** The reason every removal must be held back, or null when each kind is within the limit. */
    private String checkRemovals(String runId, RemovalLimit limit, Long raisedTo) {
        List<String> over = new ArrayList<>();
        check(runId, OpKind.DEACTIVATE_USER, "deactivations", "active users", count(
                "SELECT COUNT(*) FROM remote_user WHERE run_id = ? AND pass = 'snapshot' AND active = TRUE", runId),
                limit, raisedTo, over);
        check(runId, OpKind.REMOVE_MEMBER, "membership removals", "members of the managed teams", count("""
                SELECT COUNT(*) FROM remote_member rm JOIN remote_group g ON g.run_id = rm.run_id
                       AND g.pass = rm.pass AND g.id = rm.group_id
                WHERE rm.run_id = ? AND rm.pass = 'snapshot'
                  AND (EXISTS (SELECT 1 FROM desired_team t WHERE t.run_id = g.run_id AND t.name_key = g.name_key)
                       OR EXISTS (SELECT 1 FROM desired_member m WHERE m.run_id = g.run_id
                                  AND m.team_key = g.name_key))""", runId), limit, raisedTo, over);
        check(runId, OpKind.DELETE_ROLE, "role deletions", "custom roles", count(
                "SELECT COUNT(*) FROM remote_role WHERE run_id = ? AND pass = 'snapshot'", runId), limit, raisedTo,
                over);
        return over.isEmpty() ? null : "removal limit: " + String.join("; ", over);
    }

    private void check(String runId, OpKind kind, String what, String of, long managed, RemovalLimit limit,
                       Long raisedTo, List<String> over) {
        long planned = count("SELECT COUNT(*) FROM planned_op WHERE run_id = ? AND state = 'PENDING' AND kind = '"
                + kind.name() + "'", runId);
        long allowed = Math.max(limit.allowed(managed), raisedTo == null ? 0 : raisedTo);
        if (planned > allowed) {
            over.add(String.format("%d %s planned, policy.max-removals %s of %d %s allows %d%s", planned, what,
                    limit, managed, of, allowed, raisedTo == null ? "" : " (--allow-removals " + raisedTo + ")"));
        }
    }

    private long count(String sql, String runId) {
        Long n = jdbc.queryForObject(sql, Long.class, runId);
        return n == null ? 0 : n;
    }
}
