package dev.scimsync.snapshot;

import dev.scimsync.scim.ScimClient;
import dev.scimsync.scim.ScimPermission;
import dev.scimsync.snapshot.RemoteOrg;
import dev.scimsync.snapshot.RemoteRoleRepository;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Lists the target's teams (with their members) and, where the dialect has them, its custom roles, with paged list
 * requests.
 */
@Component
public class TeamSnapshot {

    private final RemoteRoleRepository remoteSets;

    public TeamSnapshot(RemoteRoleRepository remoteSets) {
        this.remoteSets = remoteSets;
    }

    /**
     * Adds every team to {@code org} (list the users first, so that members share their ids) and replaces the
     * pass's custom roles in {@code remote_role}.
     *
     * @return the number of teams listed
     */
    public long take(ScimClient client, String runId, String pass, boolean roles, RemoteOrg.Builder org) {
        remoteSets.clear(runId, pass);
        long teams = client.forEachGroup(null, group -> org.group(group.id(), group.displayName(),
                group.memberIds()));
        if (roles && client.dialect().supportsRoles()) {
            List<RemoteRoleRepository.RemoteRole> custom = new ArrayList<>();
            client.forEachRole(null, role -> custom.add(new RemoteRoleRepository.RemoteRole(role.id(), role.name(),
                    role.inheritedFrom() == null ? null : role.inheritedFrom().toLowerCase(Locale.ROOT),
                    join(role.customPermissions()), join(role.permissions().stream().filter(ScimPermission::inherited)
                            .toList()), role.description())));
            remoteSets.insertRoles(runId, pass, custom);
        }
        return teams;
    }

    private static String join(List<ScimPermission> permissions) {
        return permissions.stream().map(ScimPermission::name).sorted().distinct().collect(Collectors.joining(";"));
    }
}
