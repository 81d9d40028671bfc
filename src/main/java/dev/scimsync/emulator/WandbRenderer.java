package dev.scimsync.emulator;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The W&amp;B response shapes, quirks included: {@code emails} is one object with capitalised keys, group
 * members are {@code {"Value","Display"}} and {@code null} when there are none, {@code meta.location} is relative.
 */
final class WandbRenderer implements Renderer {

    @Override
    public ObjectNode user(UserView view) {
        User user = view.user();
        ObjectNode node = Renderer.commonUser(user);
        ObjectNode emails = node.putObject("emails");
        emails.put("Value", user.email());
        emails.put("Display", "");
        emails.put("Type", "work");
        emails.put("Primary", true);
        node.put("active", user.active());
        node.put("organizationRole", user.orgRole());
        ArrayNode teamRoles = node.putArray("teamRoles");
        ArrayNode groups = node.putArray("groups");
        for (UserView.Membership membership : view.memberships()) {
            teamRoles.addObject().put("teamName", membership.teamName()).put("roleName", membership.roleName());
            groups.addObject().put("value", membership.teamId()).put("display", membership.teamName());
        }
        Renderer.meta(node, "User", user.created(), user.lastModified(), "Users/" + user.id(), user.version());
        return node;
    }

    @Override
    public ObjectNode group(TeamView view) {
        Team team = view.team();
        ObjectNode node = Renderer.commonGroup(team);
        if (view.members().isEmpty()) {
            node.putNull("members");
        } else {
            ArrayNode members = node.putArray("members");
            for (TeamView.Member member : view.members()) {
                members.addObject().put("Value", member.userId()).put("Display", member.userName());
            }
        }
        Renderer.meta(node, "Group", team.created(), team.lastModified(), "Groups/" + team.id(), team.version());
        return node;
    }
}
