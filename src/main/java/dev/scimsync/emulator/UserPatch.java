package dev.scimsync.emulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * Applies the operations of one PATCH /Users/{id} to a draft and commits the draft only when every operation
 * was valid, so a request changes all or nothing. Runs under the store's write lock.
 */
final class UserPatch {

    private final EmulatorDialect dialect;
    private final Org org;
    private final User original;
    private final Map<String, String> teamRoles;
    private String userName;
    private String displayName;
    private String email;
    private boolean active;
    private String orgRole;

    UserPatch(EmulatorDialect dialect, Org org, User original) {
        this.dialect = dialect;
        this.org = org;
        this.original = original;
        this.teamRoles = org.teamRolesOf(original.id());
        this.userName = original.userName();
        this.displayName = original.displayName();
        this.email = original.email();
        this.active = original.active();
        this.orgRole = original.orgRole();
    }

    /** Applies all operations, then commits; returns the user as it now is (or was, if it left the org). */
    UserView apply(List<PatchOp> ops, Instant now) {
        for (PatchOp op : ops) {
            apply(op);
        }
        return commit(now);
    }

    private void apply(PatchOp op) {
        if (op.op().equals("remove")) {
            throw ScimException.badRequest("mutability", "remove is not supported on User attributes");
        }
        if (op.path() != null) {
            set(op.attribute(), op.value());
            return;
        }
        if (op.value() == null || !op.value().isObject()) {
            throw ScimException.invalidValue("an operation without path needs an object value");
        }
        for (Map.Entry<String, JsonNode> entry : op.value().properties()) {
            if (!entry.getKey().equalsIgnoreCase("schemas")) {
                set(Org.lower(PatchOp.stripSchema(entry.getKey())), entry.getValue());
            }
        }
    }

    private void set(String attribute, JsonNode value) {
        switch (attribute) {
            case "active" -> setActive(Json.asBoolean(value, "active"));
            case "displayname" -> displayName = Json.asText(requireUpdatable(value, "displayName"), "displayName");
            case "emails" -> email = UserAttributes.email(requireUpdatable(value, "emails"));
            case "username" -> {
                if (dialect.isWandb()) {
                    throw ScimException.badRequest("mutability", "userName cannot be changed");
                }
                userName = UserAttributes.requireUserName(Json.asText(value, "userName"));
            }
            case "organizationrole" -> setOrgRole(Json.asText(wandbOnly(value, attribute), "organizationRole"));
            case "teamroles" -> setTeamRoles(wandbOnly(value, attribute));
            default -> throw ScimException.badRequest("invalidPath", "'" + attribute + "' cannot be patched");
        }
    }

    private void setActive(boolean value) {
        if (value && dialect == EmulatorDialect.WANDB_SAAS) {
            throw ScimException.invalidValue("reactivating a user is not supported on W&B Multi-tenant");
        }
        active = value;
    }

    private void setOrgRole(String value) {
        String role = BuiltinRoles.builtin(value);
        if (role == null) {
            throw ScimException.invalidValue("organizationRole must be admin, member or viewer, was " + value);
        }
        orgRole = role;
        if (role.equals(BuiltinRoles.VIEWER)) {
            teamRoles.replaceAll((team, key) -> BuiltinRoles.VIEWER);
        }
    }

    private void setTeamRoles(JsonNode value) {
        for (JsonNode entry : Json.asArray(value)) {
            String teamName = Json.text(entry, "teamName");
            String roleName = Json.text(entry, "roleName");
            Team team = org.teamByName(teamName);
            if (team == null) {
                throw ScimException.invalidValue("team " + teamName + " does not exist");
            }
            if (!teamRoles.containsKey(team.id())) {
                throw ScimException.invalidValue("user " + userName + " is not a member of team " + team.name());
            }
            String key = BuiltinRoles.builtin(roleName);
            if (key == null) {
                Role custom = org.roleByName(roleName);
                if (custom == null) {
                    throw ScimException.invalidValue("role " + roleName + " does not exist");
                }
                key = custom.id();
            }
            teamRoles.put(team.id(), key);
        }
    }

    private JsonNode requireUpdatable(JsonNode value, String attribute) {
        if (dialect == EmulatorDialect.WANDB_SAAS) {
            throw ScimException.badRequest("mutability", attribute + " cannot be changed on W&B Multi-tenant");
        }
        return value;
    }

    private JsonNode wandbOnly(JsonNode value, String attribute) {
        if (!dialect.isWandb()) {
            throw ScimException.badRequest("invalidPath", "'" + attribute + "' cannot be patched");
        }
        return value;
    }

    private UserView commit(Instant now) {
        if (dialect.isWandb() && email == null) {
            throw ScimException.invalidValue("an email is required");
        }
        UserAttributes.requireUnique(org, userName, email, original.id());
        User updated = new User(original.id(), userName, displayName, email, active, orgRole, original.created(),
                now, original.version() + 1);
        boolean rolesChanged = !teamRoles.equals(org.teamRolesOf(original.id()));
        if (!rolesChanged && sameAttributes(updated)) {
            return org.view(original);
        }
        teamRoles.forEach((teamId, key) -> {
            Team team = org.team(teamId);
            if (!key.equals(team.members().get(original.id()))) {
                Map<String, String> members = new java.util.LinkedHashMap<>(team.members());
                members.put(original.id(), key);
                org.putTeam(team.withMembers(members));
            }
        });
        org.putUser(updated);
        if (!active && dialect == EmulatorDialect.WANDB_SAAS) {
            org.removeUser(original.id(), now);
            return new UserView(updated, List.of());
        }
        if (!Objects.equals(userName, original.userName())) {
            teamRoles.keySet().forEach(teamId -> org.putTeam(org.team(teamId).touched(now)));
        }
        return org.view(updated);
    }

    private boolean sameAttributes(User updated) {
        return updated.userName().equals(original.userName())
                && Objects.equals(updated.displayName(), original.displayName())
                && Objects.equals(updated.email(), original.email())
                && updated.active() == original.active()
                && updated.orgRole().equals(original.orgRole());
    }
}
