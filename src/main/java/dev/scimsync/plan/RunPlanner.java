package dev.scimsync.plan;

import dev.scimsync.config.RemovalLimit;
import dev.scimsync.plan.OpKind;
import dev.scimsync.plan.PlannedOpRepository;
import dev.scimsync.snapshot.RemoteOrg;
import dev.scimsync.snapshot.SnapshotRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Plans a whole run: custom roles, users, then teams, memberships and service accounts, into one ordered list of
 * operations; then checks the removals of each kind (deactivations, user removals, membership removals, role and team
 * deletions) against {@code policy.max-removals} before anything is written.
 */
@Component
public class RunPlanner {

    /**
     * @param operations   operations planned
     * @param heldBack     operations a safety rule holds back
     * @param removalLimit why every removal was held back, or null when the removals are within the limit
     * @param unapplied    the input columns whose values the target does not take, and how many there are
     */
    public record Plan(long operations, long heldBack, String removalLimit, List<UnappliedValues.Column> unapplied) {
    }

    private final JdbcTemplate jdbc;
    private final PlannedOpRepository plannedOps;
    private final RolePlanner roles;
    private final UserPlanner users;
    private final TeamPlanner teams;
    private final SnapshotRepository remoteOrgs;
    private final ServiceAccountPlanner serviceAccounts;

    public RunPlanner(JdbcTemplate jdbc, PlannedOpRepository plannedOps, RolePlanner roles, UserPlanner users,
                      TeamPlanner teams, SnapshotRepository remoteOrgs, ServiceAccountPlanner serviceAccounts) {
        this.serviceAccounts = serviceAccounts;
        this.remoteOrgs = remoteOrgs;
        this.jdbc = jdbc;
        this.plannedOps = plannedOps;
        this.roles = roles;
        this.users = users;
        this.teams = teams;
    }

    public Plan plan(String runId, String jobName, Policy policy) {
        plannedOps.clear(runId);
        OpBatch ops = new OpBatch(runId, jobName, plannedOps);
        RemoteOrg org = remoteOrgs.load(runId, SnapshotRepository.SNAPSHOT);
        roles.plan(ops, org, policy.deleteAbsentRoles());
        UserPlanner.UserPlan userPlan = users.plan(ops, org, policy.deactivateAbsentUsers(),
                policy.protectedUsers(), policy.manageProfile(), policy.roleColumns().orgRole(), policy.users());
        TeamPlanner.Managed managed = teams.plan(ops, org, policy.removeAbsentMembers(), policy.protectedUsers(),
                policy.roleColumns().teamRole(), policy.teams());
        serviceAccounts.plan(ops, org);
        ops.flush();
        String limit = checkRemovals(runId, org, managed, policy.maxRemovals(), policy.allowRemovals());
        if (limit != null) {
            plannedOps.blockRemovals(runId, limit);
        }
        return new Plan(ops.count(), userPlan.blocked(), limit,
                new UnappliedValues(jdbc).of(runId, policy.roleColumns()));
    }

    /** The reason every removal must be held back, or null when each kind is within the limit. */
    private String checkRemovals(String runId, RemoteOrg org, TeamPlanner.Managed managed, RemovalLimit limit,
                                 Long raisedTo) {
        List<String> over = new ArrayList<>();
        check(runId, OpKind.DEACTIVATE_USER, "deactivations", "active users",
                org.users().stream().filter(RemoteOrg.User::active).count(), limit, raisedTo, over);
        check(runId, OpKind.REMOVE_MEMBER, "membership removals", "members of the managed teams",
                org.groups().stream().filter(g -> managed.teamKeys().contains(g.nameKey()))
                        .mapToLong(g -> g.memberIds().size()).sum(), limit, raisedTo, over);
        check(runId, OpKind.REMOVE_USER, "user removals", "users", org.users().size(), limit, raisedTo, over);
        check(runId, OpKind.DELETE_TEAM, "team deletions", "teams", org.groups().size(), limit, raisedTo, over);
        check(runId, OpKind.DELETE_ROLE, "role deletions", "custom roles", count(
                "SELECT COUNT(*) FROM remote_role WHERE run_id = ? AND pass = 'snapshot'", runId), limit, raisedTo,
                over);
        return over.isEmpty() ? null : "removal limit: " + String.join("; ", over);
    }

    private void check(String runId, OpKind kind, String what, String of, long managed, RemovalLimit limit,
                       Long raisedTo, List<String> over) {
        long planned = count("SELECT COUNT(*) FROM planned_op WHERE run_id = ? AND state = 'PENDING' AND kind = '"
                + kind.name() + "'", runId);
        long allowed = Math.max(limit.allowedRemovals(managed), raisedTo == null ? 0 : raisedTo);
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
