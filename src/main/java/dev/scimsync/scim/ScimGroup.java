package dev.scimsync.scim;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collection;
import java.util.List;

/**
 * A SCIM group (a W&B team). W&B answers {@code "members": null} once everyone is removed; that reads as an empty
 * list. {@code members} is always written, so a {@code PUT} with no members empties the group.
 */
public record ScimGroup(
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> schemas,
        String id,
        String displayName,
        @JsonInclude(JsonInclude.Include.ALWAYS) List<ScimMember> members,
        ScimMeta meta) {

    public ScimGroup {
        schemas = ScimLists.nonNull(schemas);
        members = ScimLists.nonNull(members);
    }

    /** The body of {@code POST /Groups} (or of a {@code PUT} replacing every member). */
    public static ScimGroup newGroup(String displayName, Collection<String> memberIds) {
        return new ScimGroup(List.of(ScimSchemas.GROUP), null, displayName,
                memberIds.stream().map(ScimMember::of).toList(), null);
    }

    public List<String> memberIds() {
        return members.stream().map(ScimMember::value).toList();
    }
}
