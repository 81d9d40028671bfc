package dev.scimsync.plan;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a user operation needs when it is sent: the desired user, and for an update the attributes to change
 * (null = leave as is).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserPayload(String email, String userName, String displayName, String orgRole,
                          String newOrgRole, String newDisplayName) {

    public String toJson() {
        return PayloadJson.MAPPER.writeValueAsString(this);
    }

    public static UserPayload fromJson(String json) {
        return PayloadJson.MAPPER.readValue(json, UserPayload.class);
    }
}
