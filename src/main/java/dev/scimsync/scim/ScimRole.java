package dev.scimsync.scim;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collection;
import java.util.List;

/**
 * A W&B custom role. W&B answers with {@code "schemas":[""]} and the key {@code organizationID}; reads list inherited
 * and custom permissions, each flagged with {@code isInherited}.
 */
public record ScimRole(
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> schemas,
        String id,
        String name,
        String description,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<ScimPermission> permissions,
        String inheritedFrom,
        @JsonProperty("organizationID") String organizationId,
        ScimMeta meta) {

    public ScimRole {
        schemas = ScimLists.nonNull(schemas);
        permissions = ScimLists.nonNull(permissions);
    }

    /** The body of {@code POST /Roles}; {@code inheritedFrom} is {@code member} or {@code viewer}. */
    public static ScimRole newRole(String name, String description, String inheritedFrom,
            Collection<String> permissionNames) {
        return new ScimRole(List.of(ScimSchemas.ROLE), null, name, description,
                permissionNames.stream().map(ScimPermission::named).toList(), inheritedFrom, null, null);
    }

    /** The permissions added to the role, without those it inherits. */
    public List<ScimPermission> customPermissions() {
        return permissions.stream().filter(permission -> !permission.inherited()).toList();
    }
}
