package dev.scimsync.scim;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** A PATCH body: {@code {"schemas":[PatchOp],"Operations":[...]}}. */
public record PatchRequest(List<String> schemas, @JsonProperty("Operations") List<PatchOperation> operations) {

    public PatchRequest {
        schemas = ScimLists.nonNull(schemas);
        operations = ScimLists.nonNull(operations);
    }

    public static PatchRequest of(PatchOperation... operations) {
        return new PatchRequest(List.of(ScimSchemas.PATCH_OP), List.of(operations));
    }

    public static PatchRequest replace(String path, Object value) {
        return of(PatchOperation.replace(path, value));
    }

    /** {@code replace} with no path and {@code {"active":active}}: W&B's reactivation (and SaaS deactivation). */
    public static PatchRequest replaceActive(boolean active) {
        return of(PatchOperation.replace(Map.of("active", active)));
    }

    public static PatchRequest addMembers(Collection<String> userIds) {
        return of(PatchOperation.add("members", userIds.stream().map(ScimMember::of).toList()));
    }

    /**
     * Removes exactly one member with the filter path {@code members[value eq "id"]}; a bare {@code members} path would
     * remove everyone.
     */
    public static PatchRequest removeMember(String userId) {
        return of(PatchOperation.remove("members[value eq " + ScimFilter.quote(userId) + "]"));
    }

    public static PatchRequest addPermissions(Collection<String> names) {
        return of(PatchOperation.add("permissions", names.stream().map(ScimPermission::named).toList()));
    }

    public static PatchRequest removePermissions(Collection<String> names) {
        return of(PatchOperation.remove("permissions", names.stream().map(ScimPermission::named).toList()));
    }
}
