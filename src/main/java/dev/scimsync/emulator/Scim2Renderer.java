package dev.scimsync.emulator;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Plain RFC 7643 shapes: {@code emails} and {@code members} are arrays of lower-case complex values. */
final class Scim2Renderer implements Renderer {

    private final String baseUrl;

    Scim2Renderer(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    @Override
    public ObjectNode user(UserView view) {
        User user = view.user();
        ObjectNode node = Renderer.commonUser(user);
        ArrayNode emails = node.putArray("emails");
        if (user.email() != null) {
            emails.addObject().put("value", user.email()).put("type", "work").put("primary", true);
        }
        node.put("active", user.active());
        ArrayNode groups = node.putArray("groups");
        for (UserView.Membership membership : view.memberships()) {
            groups.addObject().put("value", membership.teamId()).put("display", membership.teamName())
                    .put("$ref", baseUrl + "/Groups/" + membership.teamId());
        }
        Renderer.meta(node, "User", user.created(), user.lastModified(), baseUrl + "/Users/" + user.id(),
                user.version());
        return node;
    }

    @Override
    public ObjectNode group(TeamView view) {
        Team team = view.team();
        ObjectNode node = Renderer.commonGroup(team);
        ArrayNode members = node.putArray("members");
        for (TeamView.Member member : view.members()) {
            members.addObject().put("value", member.userId()).put("display", member.userName())
                    .put("$ref", baseUrl + "/Users/" + member.userId());
        }
        Renderer.meta(node, "Group", team.created(), team.lastModified(), baseUrl + "/Groups/" + team.id(),
                team.version());
        return node;
    }
}
