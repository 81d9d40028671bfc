package dev.scimsync.plan;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * What a custom role operation needs when it is sent.
 *
 * @param roleId         the role's id on the target (null for a create)
 * @param putNeeded      whether the description or the inherited role changes (a PUT)
 * @param add            custom permissions to add
 * @param remove         custom permissions to remove
 * @param affectedUsers  for DELETE_ROLE: the users whose team role falls back to the inherited role
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RolePayload(String name, String roleId, String inheritedFrom, String description,
                          List<String> permissions, boolean putNeeded, List<String> add, List<String> remove,
                          List<String> affectedUsers) {

    public String toJson() {
        return PayloadJson.MAPPER.writeValueAsString(this);
    }

    public static RolePayload fromJson(String json) {
        return PayloadJson.MAPPER.readValue(json, RolePayload.class);
    }
}
