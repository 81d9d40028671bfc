package dev.scimsync.emulator;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The W&amp;B custom role shape: {@code "schemas":[""]}, {@code organizationID}, flagged permissions. */
final class RoleRenderer {

    /** The emulated organisation's id, as W&amp;B encodes it ("Organization:1" in base64). */
    static final String ORGANIZATION_ID = "T3JnYW5pemF0aW9uOjE=";

    private RoleRenderer() {
    }

    static ObjectNode role(Role role) {
        ObjectNode node = Json.object();
        node.putArray("schemas").add("");
        node.put("id", role.id());
        node.put("name", role.name());
        node.put("description", role.description());
        node.put("inheritedFrom", role.inheritedFrom());
        node.put("organizationID", ORGANIZATION_ID);
        ArrayNode permissions = node.putArray("permissions");
        BuiltinRoles.inherited(role.inheritedFrom())
                .forEach(name -> permissions.addObject().put("name", name).put("isInherited", true));
        // every custom permission, also one the inherited role lists: it is the role's own
        role.customPermissions().forEach(name -> permissions.addObject().put("name", name).put("isInherited", false));
        Renderer.meta(node, "Role", role.created(), role.lastModified(), "Roles/" + role.id(), role.version());
        return node;
    }
}
