package dev.scimsync.snapshot;

import dev.scimsync.scim.ScimClient;
import dev.scimsync.scim.ScimUser;
import dev.scimsync.scim.TeamRole;
import dev.scimsync.snapshot.RemoteOrg;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Lists the target's users, with their team roles, with paged list requests: the number of requests grows with
 * pages, never with rows.
 */
@Component
public class UserSnapshot {

    /**
     * Adds every user of the target to {@code org}. A team role of {@link RemoteOrg#DEFAULT_TEAM_ROLE} is not kept:
     * a member without a team role has it, and most members of a large organisation have it.
     *
     * @return the number of users listed
     */
    public long take(ScimClient client, RemoteOrg.Builder org) {
        return client.forEachUser(null, user -> org.user(toRemote(user)));
    }

    static RemoteOrg.User toRemote(ScimUser user) {
        Map<String, String> teamRoles = new HashMap<>();
        for (TeamRole role : user.teamRoles()) {
            if (role.teamName() != null && role.roleName() != null
                    && !RemoteOrg.DEFAULT_TEAM_ROLE.equalsIgnoreCase(role.roleName())) {
                teamRoles.put(role.teamName().toLowerCase(Locale.ROOT), role.roleName());
            }
        }
        return RemoteOrg.User.of(user.id(), user.userName(), user.primaryEmail().orElse(null), user.displayName(),
                user.organizationRole(), user.activeOrDefault(), teamRoles);
    }
}
