package dev.scimsync.plan;

/**
 * What creating a service account needs when it is sent.
 *
 * @param team        the team's name as the target spells it (as the row spells it for a team this run creates)
 * @param description the service account's description
 */
public record ServiceAccountPayload(String team, String description) {

    /** Where an admin finds a new service account's API key: scim-sync never reads it. */
    public static final String KEY_HINT = "its API key: W&B UI, team settings → Service accounts";

    public String toJson() {
        return PayloadJson.MAPPER.writeValueAsString(this);
    }

    public static ServiceAccountPayload fromJson(String json) {
        return PayloadJson.MAPPER.readValue(json, ServiceAccountPayload.class);
    }
}
