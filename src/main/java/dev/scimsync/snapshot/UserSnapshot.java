package dev.scimsync.snapshot;

import dev.scimsync.scim.ScimClient;
import dev.scimsync.scim.ScimUser;
import dev.scimsync.state.RemoteUser;
import dev.scimsync.state.RemoteSets;
import dev.scimsync.state.RemoteUsers;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Lists the target's users into {@code remote_user} with paged list requests: the number of requests grows with
 * pages, never with rows.
 */
@Component
public class UserSnapshot {

    private static final int BATCH = 1000;

    /**
     * The role a team member has when no other is set. It is not stored: a member without a team role row has it
     * (every reader of {@code remote_team_role} reads a missing row so), and most members of a large organisation
     * have it, so the snapshot writes a fraction of the rows.
     */
    static final String DEFAULT_TEAM_ROLE = "member";

    private final RemoteUsers remoteUsers;
    private final RemoteSets remoteSets;

    public UserSnapshot(RemoteUsers remoteUsers, RemoteSets remoteSets) {
        this.remoteUsers = remoteUsers;
        this.remoteSets = remoteSets;
    }

    /**
     * Replaces the run's listing of the given pass: users with their team roles.
     *
     * @return the number of users listed
     */
    public long take(ScimClient client, String runId, String pass) {
        remoteUsers.clear(runId, pass);
        remoteSets.clearTeamRoles(runId, pass);
        List<RemoteUser> batch = new ArrayList<>(BATCH);
        List<RemoteSets.RemoteTeamRole> teamRoles = new ArrayList<>();
        long listed = client.forEachUser(null, user -> {
            batch.add(toRemote(user));
            user.teamRoles().stream().filter(r -> !DEFAULT_TEAM_ROLE.equalsIgnoreCase(r.roleName()))
                    .forEach(r -> teamRoles.add(new RemoteSets.RemoteTeamRole(user.id(), r.teamName(), r.roleName())));
            if (batch.size() >= BATCH) {
                flush(runId, pass, batch, teamRoles);
            }
        });
        flush(runId, pass, batch, teamRoles);
        return listed;
    }

    private void flush(String runId, String pass, List<RemoteUser> users, List<RemoteSets.RemoteTeamRole> roles) {
        remoteUsers.insert(runId, pass, users);
        remoteSets.insertTeamRoles(runId, pass, roles);
        users.clear();
        roles.clear();
    }

    static RemoteUser toRemote(ScimUser user) {
        return new RemoteUser(user.id(), user.userName(), user.primaryEmail().orElse(null), user.displayName(),
                user.organizationRole(), user.activeOrDefault());
    }
}
