package dev.scimsync.apply;

import dev.scimsync.scim.PatchOperation;
import dev.scimsync.scim.PatchRequest;
import dev.scimsync.scim.ScimClient;
import dev.scimsync.scim.ScimConflictException;
import dev.scimsync.scim.ScimGroup;
import dev.scimsync.scim.ScimNotFoundException;
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
