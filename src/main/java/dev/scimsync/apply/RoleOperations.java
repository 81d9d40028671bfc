package dev.scimsync.apply;

import dev.scimsync.scim.PatchRequest;
import dev.scimsync.scim.ScimClient;
import dev.scimsync.scim.ScimConflictException;
import dev.scimsync.scim.ScimNotFoundException;
import dev.scimsync.scim.ScimPermission;
import dev.scimsync.scim.ScimRole;
import dev.scimsync.scim.ScimUnknownOutcomeException;
import dev.scimsync.plan.OpOutcome;
import dev.scimsync.plan.PlannedOp;
import dev.scimsync.plan.RolePayload;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Sends custom role operations: create, PUT (description, inherited role), permission add/remove, delete. */
final class RoleOperations {

    private final ScimClient client;

    RoleOperations(ScimClient client) {
        this.client = client;
    }

    OpOutcome create(PlannedOp op, boolean mayHaveBeenSent) {
        RolePayload p = RolePayload.fromJson(op.payload());
        if (mayHaveBeenSent) {
            Optional<ScimRole> existing = find(p.name());
            if (existing.isPresent()) {
                return reconcile(op, p, existing.get(), "created by an interrupted attempt of this run");
            }
        }
        try {
            ScimRole created = client.roles().create(ScimRole.newRole(p.name(), p.description(), p.inheritedFrom(),
                    p.permissions()));
            return OpOutcome.done(op.seq(), created.id(), 201, null, 1);
        } catch (ScimConflictException | ScimUnknownOutcomeException e) {
            ScimRole existing = find(p.name()).orElseThrow(() -> e);
            return reconcile(op, p, existing, "already existed; linked");
        }
    }

    OpOutcome update(PlannedOp op) {
        RolePayload p = RolePayload.fromJson(op.payload());
        send(p.roleId(), p, p.putNeeded(), p.add(), p.remove());
        return OpOutcome.done(op.seq(), p.roleId(), 200, null, 1);
    }

    OpOutcome delete(PlannedOp op) {
        RolePayload p = RolePayload.fromJson(op.payload());
        try {
            client.roles().delete(p.roleId());
            return OpOutcome.done(op.seq(), p.roleId(), 204, p.affectedUsers().size() + " users fell back to "
                    + p.inheritedFrom(), 1);
        } catch (ScimNotFoundException gone) {
            return OpOutcome.done(op.seq(), p.roleId(), 404, "already gone", 1);
        }
    }

    /** Brings an existing role to the desired state. */
    private OpOutcome reconcile(PlannedOp op, RolePayload p, ScimRole role, String detail) {
        List<String> current = role.customPermissions().stream().map(ScimPermission::name).toList();
        List<String> add = new ArrayList<>(p.permissions());
        add.removeAll(current);
        List<String> remove = new ArrayList<>(current);
        remove.removeAll(p.permissions());
        boolean put = !p.inheritedFrom().equalsIgnoreCase(String.valueOf(role.inheritedFrom()))
                || p.description() != null && !p.description().equals(role.description());
        send(role.id(), p, put, add, remove);
        return OpOutcome.done(op.seq(), role.id(), 200, detail, 1);
    }

    private void send(String id, RolePayload p, boolean put, List<String> add, List<String> remove) {
        if (put) {
            client.roles().replace(id, ScimRole.newRole(p.name(), p.description(), p.inheritedFrom(), List.of()));
        }
        if (!add.isEmpty()) {
            client.roles().patch(id, PatchRequest.addPermissions(add));
        }
        if (!remove.isEmpty()) {
            client.roles().patch(id, PatchRequest.removePermissions(remove));
        }
    }

    private Optional<ScimRole> find(String name) {
        List<ScimRole> found = new ArrayList<>();
        client.forEachRole(null, role -> {
            if (name.equals(role.name())) {
                found.add(role);
            }
        });
        return found.stream().findFirst();
    }
}
