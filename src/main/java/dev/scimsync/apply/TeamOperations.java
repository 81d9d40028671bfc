package dev.scimsync.apply;

import dev.scimsync.scim.PatchOperation;
import dev.scimsync.scim.PatchRequest;
import dev.scimsync.scim.ScimClient;
import dev.scimsync.scim.ScimConflictException;
import dev.scimsync.scim.ScimGroup;
import dev.scimsync.scim.ScimNotFoundException;
import dev.scimsync.scim.ScimRejectedException;
import dev.scimsync.scim.ScimUnknownOutcomeException;
import dev.scimsync.plan.OpOutcome;
import dev.scimsync.plan.PlannedOp;
import dev.scimsync.plan.TeamPayload;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Sends team operations. Members are named by email in the plan and resolved to ids when sent, so a user created
 * earlier in the same run can join. Many members of one team are added in one request; a user's roles in several
 * teams are set in one request.
 */
final class TeamOperations {

    private final ScimClient client;
    private final KnownIds ids;
    /**
     * The status with which the target refused a team deletion as a call it does not have, once it did: the other
     * deletions of the run are then not sent.
     */
    private volatile Integer deletionUnsupported;
    /** Set once a team deletion succeeded: the others need not wait for the first answer. */
    private volatile boolean deletionWorks;
    /** Until one answer says whether the target deletes teams, deletions are sent one at a time. */
    private final Object firstDeletion = new Object();

    TeamOperations(ScimClient client, KnownIds ids) {
        this.client = client;
        this.ids = ids;
    }

    OpOutcome createTeam(PlannedOp op, boolean mayHaveBeenSent) {
        TeamPayload p = TeamPayload.fromJson(op.payload());
        if (mayHaveBeenSent) {
            Optional<ScimGroup> existing = client.findGroupByName(p.team());
            if (existing.isPresent()) {
                return OpOutcome.done(op.seq(), existing.get().id(), 200,
                        "created by an interrupted attempt of this run", 0);
            }
        }
        List<String> members = new ArrayList<>(ids.users(p.memberEmails()).values());
        try {
            ScimGroup created = client.groups().create(ScimGroup.newGroup(p.team(), members));
            ids.teamCreated(op.objectKey(), created.id(), members);
            return OpOutcome.done(op.seq(), created.id(), 201, members.size() + " members", 1);
        } catch (ScimConflictException | ScimUnknownOutcomeException e) {
            ScimGroup existing = client.findGroupByName(p.team()).orElseThrow(() -> e);
            return OpOutcome.done(op.seq(), existing.id(), e.status(), "already existed; linked", 1);
        }
    }

    /** Adds the members of one team's operations in one request. */
    List<OpOutcome> addMembers(List<PlannedOp> ops) {
        TeamPayload first = TeamPayload.fromJson(ops.get(0).payload());
        String teamKey = first.team().toLowerCase(Locale.ROOT);
        Optional<String> groupId = Optional.ofNullable(first.groupId()).or(() -> ids.team(teamKey));
        List<OpOutcome> outcomes = new ArrayList<>();
        if (groupId.isEmpty()) {
            ops.forEach(op -> outcomes.add(OpOutcome.failed(op.seq(), null, "missingTeam",
                    "team '" + first.team() + "' does not exist on the target (its creation failed)", 0)));
            return outcomes;
        }
        Map<String, String> userIds = ids.users(ops.stream()
                .map(op -> TeamPayload.fromJson(op.payload()).email()).toList());
        Set<String> current = needsLook(ops, first) ? ids.createdWith(teamKey).orElseGet(() ->
                new HashSet<>(client.groups().get(groupId.get()).memberIds())) : Set.of();
        Map<Long, String> toAdd = new LinkedHashMap<>();
        for (PlannedOp op : ops) {
            String email = TeamPayload.fromJson(op.payload()).email();
            String userId = userIds.get(email);
            if (userId == null) {
                outcomes.add(OpOutcome.failed(op.seq(), null, "missingUser", "user '" + email
                        + "' does not exist on the target (its creation failed)", 0));
            } else if (current.contains(userId)) {
                outcomes.add(OpOutcome.done(op.seq(), groupId.get(), 200, first.groupId() == null ? "added with the team" : "already a member", 0));
            } else {
                toAdd.put(op.seq(), userId);
            }
        }
        if (!toAdd.isEmpty()) {
            client.groups().patch(groupId.get(), PatchRequest.addMembers(new ArrayList<>(new HashSet<>(
                    toAdd.values()))));
            toAdd.keySet().forEach(seq -> outcomes.add(OpOutcome.done(seq, groupId.get(), 200, null, 1)));
        }
        return outcomes;
    }

    /**
     * Whether some members may be in the team already: a team created by this run was created with its members,
     * and an interrupted chunk may have added some. The members a team was created with are known while the same
     * step runs; after a restart they are read from the target.
     */
    private static boolean needsLook(List<PlannedOp> ops, TeamPayload first) {
        return first.groupId() == null || ops.stream().anyMatch(op -> op.state() == dev.scimsync.plan.OpState.SENDING);
    }

    /** Sets one user's roles in several teams in one request. */
    List<OpOutcome> setTeamRoles(List<PlannedOp> ops) {
        TeamPayload first = TeamPayload.fromJson(ops.get(0).payload());
        String userId = first.userId() != null ? first.userId()
                : ids.users(List.of(first.email())).get(first.email());
        List<OpOutcome> outcomes = new ArrayList<>();
        if (userId == null) {
            ops.forEach(op -> outcomes.add(OpOutcome.failed(op.seq(), null, "missingUser", "user '" + first.email()
                    + "' does not exist on the target (its creation failed)", 0)));
            return outcomes;
        }
        List<Map<String, String>> roles = ops.stream().map(op -> TeamPayload.fromJson(op.payload()))
                .map(p -> Map.of("teamName", p.team(), "roleName", p.role())).toList();
        client.users().patch(userId, PatchRequest.of(PatchOperation.replace("teamRoles", roles)));
        ops.forEach(op -> outcomes.add(OpOutcome.done(op.seq(), userId, 200, null, 1)));
        return outcomes;
    }

    /**
     * Deletes a team. A target without {@code DELETE /Groups/{id}} answers 405 or 501, or 404 for a team it still
     * lists (a read tells that from a team already gone): the deletion fails as not supported, and the run sends
     * no other. Until a first answer tells, deletions go one at a time, so such a target is asked once.
     */
    OpOutcome deleteTeam(PlannedOp op) {
        if (deletionWorks) {
            return sendDelete(op);
        }
        synchronized (firstDeletion) {
            return sendDelete(op);
        }
    }

    private OpOutcome sendDelete(PlannedOp op) {
        TeamPayload p = TeamPayload.fromJson(op.payload());
        Integer refused = deletionUnsupported;
        if (refused != null) {
            return OpOutcome.failed(op.seq(), null, OpWriter.UNSUPPORTED, NOT_SUPPORTED + " (HTTP " + refused
                    + " to an earlier DELETE /Groups of this run): not sent; delete the team in the W&B admin UI", 0);
        }
        try {
            client.groups().delete(p.groupId());
            deletionWorks = true;
            return OpOutcome.done(op.seq(), p.groupId(), 204, null, 1);
        } catch (ScimNotFoundException notFound) {
            try {
                client.groups().get(p.groupId());
            } catch (ScimNotFoundException gone) {
                return OpOutcome.done(op.seq(), p.groupId(), 404, "already gone", 1);
            }
            return unsupported(op, 404);
        } catch (ScimRejectedException e) {
            if (e.status() == 405 || e.status() == 501) {
                return unsupported(op, e.status());
            }
            throw e;
        }
    }

    /** What results.csv and drift.csv say of a team deletion the target does not offer. */
    static final String NOT_SUPPORTED = "team deletion not supported by this target";

    private OpOutcome unsupported(PlannedOp op, int status) {
        deletionUnsupported = status;
        return OpOutcome.failed(op.seq(), status, OpWriter.UNSUPPORTED, NOT_SUPPORTED + " (HTTP " + status
                + " to DELETE /Groups/" + op.targetId() + "); delete the team in the W&B admin UI", 1);
    }

    OpOutcome removeMember(PlannedOp op) {
        TeamPayload p = TeamPayload.fromJson(op.payload());
        try {
            client.groups().patch(p.groupId(), PatchRequest.removeMember(p.userId()));
            return OpOutcome.done(op.seq(), p.groupId(), 200, null, 1);
        } catch (ScimNotFoundException gone) {
            return OpOutcome.done(op.seq(), p.groupId(), 404, "the team is gone", 1);
        }
    }
}
