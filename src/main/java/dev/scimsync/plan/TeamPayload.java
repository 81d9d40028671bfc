package dev.scimsync.plan;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * What a team or membership operation needs when it is sent. Users created by the same run have no id when the
 * plan is made, so members are named by email and resolved when the operation is sent.
 *
 * @param team         the team's name
 * @param groupId      the team's id on the target, when it existed at planning time
 * @param memberEmails for CREATE_TEAM: the members it is created with (lower-case emails)
 * @param email        for ADD_MEMBER, SET_TEAM_ROLE, REMOVE_MEMBER: the member (lower-case email)
 * @param userId       the member's id, when it existed at planning time
 * @param role         for SET_TEAM_ROLE: the team role to set
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TeamPayload(String team, String groupId, List<String> memberEmails, String email, String userId,
                          String role) {

    public static TeamPayload create(String team, List<String> memberEmails) {
        return new TeamPayload(team, null, memberEmails, null, null, null);
    }

    public static TeamPayload member(String team, String groupId, String email, String userId, String role) {
        return new TeamPayload(team, groupId, null, email, userId, role);
    }

    public String toJson() {
        return PayloadJson.MAPPER.writeValueAsString(this);
    }

    public static TeamPayload fromJson(String json) {
        return PayloadJson.MAPPER.readValue(json, TeamPayload.class);
    }
}
