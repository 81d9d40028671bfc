package dev.scimsync.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a user operation needs when it is sent: the desired user, and for an update the attributes to change
 * (null = leave as is).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserPayload(String email, String userName, String displayName, String orgRole,
                          String newOrgRole, String newDisplayName) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public boolean hasChanges() {
        return newOrgRole != null || newDisplayName != null;
    }

    public String toJson() {
        return JSON.writeValueAsString(this);
    }

    public static UserPayload fromJson(String json) {
        return JSON.readValue(json, UserPayload.class);
    }
}
