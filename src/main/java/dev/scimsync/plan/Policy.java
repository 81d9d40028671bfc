package dev.scimsync.plan;

import dev.scimsync.config.JobConfig;
import dev.scimsync.config.PolicyConfig;
import dev.scimsync.config.RemovalLimit;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the policy asks of one run's plan.
 *
 * @param protectedUsers lower-case emails that are never deactivated, demoted or removed
 * @param manageProfile  whether the target lets display names change (W&B multi-tenant does not)
 * @param allowRemovals  a count that raises {@code maxRemovals} for one run ({@code --allow-removals}), or null
 * @param roleColumns    which role columns the target applies; the others' values are not planned
 */
public record Policy(boolean deactivateAbsentUsers, boolean removeAbsentMembers, boolean deleteAbsentRoles,
                     Set<String> protectedUsers, boolean manageProfile, RemovalLimit maxRemovals,
                     Long allowRemovals, RoleColumns roleColumns) {

    public Policy {
        protectedUsers = Set.copyOf(protectedUsers);
        roleColumns = roleColumns == null ? RoleColumns.ALL : roleColumns;
    }

    /** A policy for a target that applies every role column. */
    public Policy(boolean deactivateAbsentUsers, boolean removeAbsentMembers, boolean deleteAbsentRoles,
                  Set<String> protectedUsers, boolean manageProfile, RemovalLimit maxRemovals, Long allowRemovals) {
        this(deactivateAbsentUsers, removeAbsentMembers, deleteAbsentRoles, protectedUsers, manageProfile,
                maxRemovals, allowRemovals, RoleColumns.ALL);
    }

    /**
     * The policy of a run of {@code job}. Absent objects are removed only when their file is part of the job and
     * whole: no users.csv never means "nobody", and a partial input (fixed failed rows fed back, {@code --partial})
     * never means "only these".
     *
     * @param partialInputs the input kinds ({@code users}, {@code memberships}...) that are partial in this run
     */
    public static Policy from(JobConfig job, Set<String> partialInputs, boolean manageProfile, Long allowRemovals) {
        return from(job, partialInputs, manageProfile, allowRemovals, RoleColumns.ALL);
    }

    /** @param roleColumns which role columns the run's target applies */
    public static Policy from(JobConfig job, Set<String> partialInputs, boolean manageProfile, Long allowRemovals,
                              RoleColumns roleColumns) {
        PolicyConfig policy = job.policy();
        return new Policy(
                job.inputs().users() != null && !partialInputs.contains("users")
                        && policy.absentUsers() == PolicyConfig.AbsentUsers.DEACTIVATE,
                !partialInputs.contains("memberships") && policy.absentMembers() == PolicyConfig.AbsentMembers.REMOVE,
                job.inputs().roles() != null && !partialInputs.contains("roles")
                        && policy.absentRoles() == PolicyConfig.AbsentRoles.DELETE,
                policy.protectedUsers().stream().map(email -> email.toLowerCase(Locale.ROOT))
                        .collect(Collectors.toSet()),
                manageProfile, policy.maxRemovals(), allowRemovals, roleColumns);
    }
}
