package dev.scimsync.emulator;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** A custom role being created or changed (POST, PUT, PATCH /Roles), committed only when all steps were valid. */
final class RoleDraft {

    private final Role original;
    private final Set<String> permissions;
    private String name;
    private String description;
    private String inheritedFrom;

    /** A draft of {@code original}, or of a new role when it is null. */
    RoleDraft(Role original) {
        this.original = original;
        this.permissions = original == null ? new LinkedHashSet<>()
                : new LinkedHashSet<>(original.customPermissions());
        this.name = original == null ? null : original.name();
        this.description = original == null ? "" : original.description();
        this.inheritedFrom = original == null ? null : original.inheritedFrom();
    }

    /** POST (with permissions) and PUT (which keeps the custom permissions and ignores any in the body). */
    RoleDraft replaceAll(JsonNode body, boolean withPermissions) {
        name = Json.text(body, "name");
        String newDescription = Json.text(body, "description");
        description = newDescription == null ? "" : newDescription;
        inheritedFrom = BuiltinRoles.requireInheritable(Json.text(body, "inheritedFrom"));
        if (withPermissions) {
            addPermissions(Json.field(body, "permissions"));
        }
        return this;
    }

    void apply(PatchOp op) {
        if (op.attribute() != null) {
            set(op.op(), op.attribute(), op.value());
        } else if (!op.op().equals("remove") && op.value() != null && op.value().isObject()) {
            for (Map.Entry<String, JsonNode> entry : op.value().properties()) {
                if (!entry.getKey().equalsIgnoreCase("schemas")) {
                    set(op.op(), Org.lower(entry.getKey()), entry.getValue());
                }
            }
        } else {
            throw ScimException.badRequest("noTarget", "this operation needs a path");
        }
    }

    private void set(String op, String attribute, JsonNode value) {
        switch (attribute) {
            case "permissions" -> {
                if (op.equals("remove")) {
                    removePermissions(value);
                } else {
                    if (op.equals("replace")) {
                        permissions.clear();
                    }
                    addPermissions(value);
                }
            }
            case "name" -> name = op.equals("remove") ? null : Json.asText(value, "name");
            case "description" -> description = op.equals("remove") ? "" : Json.asText(value, "description");
            case "inheritedfrom" -> inheritedFrom = BuiltinRoles.requireInheritable(
                    op.equals("remove") ? null : Json.asText(value, "inheritedFrom"));
            default -> throw ScimException.badRequest("invalidPath", "'" + attribute + "' cannot be patched");
        }
    }

    private void addPermissions(JsonNode value) {
        for (JsonNode entry : Json.asArray(value)) {
            permissions.add(BuiltinRoles.requirePermission(permissionName(entry)));
        }
    }

    private void removePermissions(JsonNode value) {
        if (value == null || value.isNull()) {
            permissions.clear();
            return;
        }
        for (JsonNode entry : Json.asArray(value)) {
            permissions.remove(permissionName(entry));
        }
    }

    private static String permissionName(JsonNode entry) {
        return entry.isObject() ? Json.text(entry, "name") : Json.asText(entry, "permissions");
    }

    /** Checks the name (required, not a built-in role, unique with exact case) and stores the role. */
    Role commit(Org org, Instant now) {
        if (name == null || name.isBlank()) {
            throw ScimException.invalidValue("name is required");
        }
        if (BuiltinRoles.builtin(name) != null) {
            throw ScimException.invalidValue(name + " is a built-in role");
        }
        Role sameName = org.roleByName(name);
        if (sameName != null && (original == null || !sameName.id().equals(original.id()))) {
            throw ScimException.conflict("a role named " + name + " already exists");
        }
        // kept exactly as given: W&B lists a custom permission as the role's own even where the inherited role
        // grants it too, and keeps it across a PUT that changes the inherited role
        List<String> custom = List.copyOf(permissions);
        if (original == null) {
            Role role = new Role(Org.newId(), name, description, inheritedFrom, custom, now, now, 1);
            org.putRole(role);
            return role;
        }
        if (name.equals(original.name()) && description.equals(original.description())
                && inheritedFrom.equals(original.inheritedFrom()) && custom.equals(original.customPermissions())) {
            return original;
        }
        Role role = new Role(original.id(), name, description, inheritedFrom, custom, original.created(), now,
                original.version() + 1);
        org.putRole(role);
        if (!name.equals(original.name())) {
            org.teams().forEach(team -> team.members().forEach((userId, key) -> {
                if (key.equals(role.id())) {
                    org.touchUser(userId, now);
                }
            }));
        }
        return role;
    }
}
