package dev.scimsync.apply;

import dev.scimsync.input.IdentityText;
import dev.scimsync.scim.PatchOperation;
import dev.scimsync.scim.ScimAuthException;
import dev.scimsync.scim.ScimException;
import dev.scimsync.scim.PatchRequest;
import dev.scimsync.scim.ScimClient;
import dev.scimsync.scim.ScimConflictException;
import dev.scimsync.scim.ScimEmail;
import dev.scimsync.scim.ScimNotFoundException;
import dev.scimsync.scim.ScimUnknownOutcomeException;
import dev.scimsync.scim.ScimUser;
import dev.scimsync.plan.OpKind;
import dev.scimsync.plan.OpOutcome;
import dev.scimsync.plan.PlannedOp;
import dev.scimsync.plan.UserPayload;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sends one user operation. Creates are idempotent in effect: an operation that may already have reached the target
 * (its run died while sending) is looked up before it is sent again, a 409 links the existing user with the same
 * email, and a create whose answer was lost is looked up before it is sent once more.
 */
final class UserOperations {

    private static final int MAX_CREATE_ATTEMPTS = 4;

    private final ScimClient client;

    UserOperations(ScimClient client) {
        this.client = client;
    }

    /**
     * @param mayHaveBeenSent the operation was being sent when an earlier attempt of the run stopped
     */
    OpOutcome execute(PlannedOp op, boolean mayHaveBeenSent) {
        UserPayload p = UserPayload.fromJson(op.payload());
        return switch (op.kind()) {
            case CREATE_USER -> create(op, p, mayHaveBeenSent);
            case REACTIVATE_USER -> {
                client.reactivateUser(op.targetId());
                yield followUp(OpOutcome.done(op.seq(), op.targetId(), 200, null, 1), "reactivated",
                        op.targetId(), changes(p.newOrgRole(), p.newDisplayName()));
            }
            case UPDATE_USER -> {
                patch(op.targetId(), changes(p.newOrgRole(), p.newDisplayName()));
                yield OpOutcome.done(op.seq(), op.targetId(), 200, null, 1);
            }
            case DEACTIVATE_USER -> deactivate(op);
            case REMOVE_USER -> remove(op);
            default -> throw new IllegalArgumentException("not a user operation: " + op.kind());
        };
    }

    private OpOutcome create(PlannedOp op, UserPayload p, boolean mayHaveBeenSent) {
        if (mayHaveBeenSent) {
            Optional<ScimUser> existing = client.findUserByEmail(p.email());
            if (existing.isPresent()) {
                return link(op, p, existing.get(), "created by an interrupted attempt of this run", 0);
            }
        }
        return send(op, p, 1);
    }

    /**
     * Sends the create; when its answer is lost, looks the user up before sending it again, a few times at most, so
     * a flaky target neither loses the row nor gets the user twice.
     */
    private OpOutcome send(PlannedOp op, UserPayload p, int attempt) {
        try {
            return created(op, p, client.users().create(ScimUser.newUser(p.userName(), p.displayName(), p.email())),
                    attempt);
        } catch (ScimConflictException conflict) {
            return client.findUserByEmail(p.email())
                    .map(existing -> link(op, p, existing, "already existed (409); linked", attempt))
                    .orElseGet(() -> OpOutcome.failed(op.seq(), 409, "uniqueness", conflict(p), attempt));
        } catch (ScimUnknownOutcomeException unknown) {
            Optional<ScimUser> existing = client.findUserByEmail(p.email());
            if (existing.isPresent()) {
                return link(op, p, existing.get(), "created; the answer was lost and the user found", attempt);
            }
            if (attempt >= MAX_CREATE_ATTEMPTS) {
                throw unknown;
            }
            return send(op, p, attempt + 1);
        }
    }

    /**
     * Why a create met a 409 although no user has its email. When the user holding the userName has an email that
     * differs from the row's only by case or by invisible characters, that account is a look-alike of the same
     * person (made by hand, or from an export with a zero-width space): it is named, never linked, and no advice to
     * choose another username is given, since that would create the person a second time.
     */
    private String conflict(UserPayload p) {
        Optional<ScimUser> holder = client.findUserByUserName(p.userName());
        if (holder.isEmpty()) {
            return "the target refused the create as a duplicate (409), but lists no user with email " + p.email()
                    + " or userName '" + p.userName() + "'";
        }
        ScimUser other = holder.get();
        String looseEmail = IdentityText.loose(p.email());
        Optional<String> lookAlike = other.emails().stream().map(ScimEmail::value)
                .filter(v -> v != null && IdentityText.loose(v).equals(looseEmail)).findFirst();
        if (lookAlike.isPresent()) {
            return "user " + other.id() + " has the email '" + IdentityText.visible(lookAlike.get(), 320)
                    + "', which differs from " + p.email() + " only by case or invisible characters: the same"
                    + " person's look-alike account; fix its email (or remove it) on the target, then run again";
        }
        return "userName '" + p.userName() + "' belongs to another user (" + other.primaryEmail().orElse(other.id())
                + "): set a username for " + p.email();
    }

    private OpOutcome created(PlannedOp op, UserPayload p, ScimUser user, int attempts) {
        String role = p.orgRole() != null && !p.orgRole().equalsIgnoreCase(user.organizationRole()) ? p.orgRole()
                : null;
        return followUp(OpOutcome.done(op.seq(), user.id(), 201, null, attempts), "created", user.id(),
                changes(role, null));
    }

    /** Adopts a user that exists already and brings it to the desired state. */
    private OpOutcome link(PlannedOp op, UserPayload p, ScimUser user, String detail, int attempts) {
        if (!user.activeOrDefault()) {
            client.reactivateUser(user.id());
        }
        String role = p.orgRole() != null && !p.orgRole().equalsIgnoreCase(user.organizationRole()) ? p.orgRole() : null;
        String name = p.displayName() != null && !p.displayName().equals(user.displayName()) ? p.displayName() : null;
        return followUp(OpOutcome.done(op.seq(), user.id(), 200, detail, attempts), "linked", user.id(),
                changes(role, name));
    }

    /**
     * Sends the PATCH that follows a create, a link or a reactivation. When the target refuses it, what was done
     * stands: the user exists, with its id, so memberships that need it go ahead and a re-run does not create it
     * again; the PATCH is recorded as a failed update of its own. A refused credential or a target that stops
     * answering still ends the run.
     */
    private OpOutcome followUp(OpOutcome done, String what, String userId, List<PatchOperation> operations) {
        try {
            patch(userId, operations);
            return done;
        } catch (ScimAuthException e) {
            throw e;
        } catch (ScimException e) {
            if (e.status() < 0) {
                throw e;
            }
            String type = e.error().scimType() != null ? e.error().scimType() : e.getClass().getSimpleName();
            String paths = operations.stream().map(PatchOperation::path).filter(java.util.Objects::nonNull)
                    .collect(java.util.stream.Collectors.joining(", "));
            return done.withFailedFollowUp(new OpOutcome.FollowUp(OpKind.UPDATE_USER, paths, e.status(), type,
                    "the user was " + what + " (" + userId + "), then setting " + paths + " failed: "
                            + e.detail().orElse(e.getMessage())));
        }
    }

    private OpOutcome deactivate(PlannedOp op) {
        try {
            client.deactivateUser(op.targetId());
            return OpOutcome.done(op.seq(), op.targetId(), 204, null, 1);
        } catch (ScimNotFoundException gone) {
            return OpOutcome.done(op.seq(), op.targetId(), 404, "already gone from the organisation", 1);
        }
    }

    private OpOutcome remove(PlannedOp op) {
        try {
            client.removeUser(op.targetId());
            return OpOutcome.done(op.seq(), op.targetId(), 204, null, 1);
        } catch (ScimNotFoundException gone) {
            return OpOutcome.done(op.seq(), op.targetId(), 404, "already gone from the organisation", 1);
        }
    }

    private void patch(String id, List<PatchOperation> operations) {
        if (!operations.isEmpty()) {
            client.users().patch(id, PatchRequest.of(operations.toArray(PatchOperation[]::new)));
        }
    }

    private static List<PatchOperation> changes(String orgRole, String displayName) {
        List<PatchOperation> ops = new ArrayList<>(2);
        if (orgRole != null) {
            ops.add(PatchOperation.replace("organizationRole", orgRole));
        }
        if (displayName != null) {
            ops.add(PatchOperation.replace("displayName", displayName));
        }
        return ops;
    }
}
