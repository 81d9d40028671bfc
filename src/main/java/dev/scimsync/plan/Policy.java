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
 * @param users          what becomes of users that must leave: absent ones, and rows with {@code active=removed}
 * @param teams          what becomes of managed teams that no input lists any more
 */
public record Policy(boolean deactivateAbsentUsers, boolean removeAbsentMembers, boolean deleteAbsentRoles,
                     Set<String> protectedUsers, boolean manageProfile, RemovalLimit maxRemovals,
                     Long allowRemovals, RoleColumns roleColumns, Removals users, AbsentTeams teams) {

    /**
     * @param removeAbsent       whether owned users missing from users.csv leave the organisation
     *                           ({@code absent-users: remove}); when so, {@code deactivateAbsentUsers} is false
     * @param deleteRemovesUsers whether the target's {@code DELETE /Users/{id}} removes the user
     *                           ({@code target.user-delete: removes}); when not, a user who must leave is deactivated
     *                           and named for removal in the W&amp;B admin UI
     */
    public record Removals(boolean removeAbsent, boolean deleteRemovesUsers) {
        /** Nobody is removed because absent; DELETE deactivates, as on W&amp;B as first documented. */
        public static final Removals NONE = new Removals(false, false);
    }

    /**
     * @param delete    whether owned teams that no input lists are deleted ({@code absent-teams: delete})
     * @param protectedTeams lower-case team names never deleted
     */
    public record AbsentTeams(boolean delete, Set<String> protectedTeams) {
        public static final AbsentTeams KEPT = new AbsentTeams(false, Set.of());

        public AbsentTeams {
            protectedTeams = Set.copyOf(protectedTeams);
        }
    }

    public Policy {
        protectedUsers = Set.copyOf(protectedUsers);
        roleColumns = roleColumns == null ? RoleColumns.ALL : roleColumns;
        users = users == null ? Removals.NONE : users;
        teams = teams == null ? AbsentTeams.KEPT : teams;
    }

    /** A policy that removes no user from the organisation and deletes no team. */
    public Policy(boolean deactivateAbsentUsers, boolean removeAbsentMembers, boolean deleteAbsentRoles,
                  Set<String> protectedUsers, boolean manageProfile, RemovalLimit maxRemovals, Long allowRemovals,
                  RoleColumns roleColumns) {
        this(deactivateAbsentUsers, removeAbsentMembers, deleteAbsentRoles, protectedUsers, manageProfile,
                maxRemovals, allowRemovals, roleColumns, Removals.NONE, AbsentTeams.KEPT);
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
     * never means "only these". Absent teams need teams.csv, whole, and memberships.csv whole if the job has it.
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
        boolean wholeUsers = job.inputs().users() != null && !partialInputs.contains("users");
        // a team only memberships.csv names must not look absent because a partial memberships file left it out
        boolean wholeTeams = job.inputs().teams() != null && !partialInputs.contains("teams")
                && !partialInputs.contains("memberships");
        return new Policy(
                wholeUsers && policy.absentUsers() == PolicyConfig.AbsentUsers.DEACTIVATE,
                !partialInputs.contains("memberships") && policy.absentMembers() == PolicyConfig.AbsentMembers.REMOVE,
                job.inputs().roles() != null && !partialInputs.contains("roles")
                        && policy.absentRoles() == PolicyConfig.AbsentRoles.DELETE,
                policy.protectedUsers().stream().map(email -> email.toLowerCase(Locale.ROOT))
                        .collect(Collectors.toSet()),
                manageProfile, policy.maxRemovals(), allowRemovals, roleColumns,
                new Removals(wholeUsers && policy.absentUsers() == PolicyConfig.AbsentUsers.REMOVE,
                        job.target().userDeleteRemoves()),
                new AbsentTeams(wholeTeams && policy.absentTeams() == PolicyConfig.AbsentTeams.DELETE,
                        Set.copyOf(policy.protectedTeams())));
    }
}
