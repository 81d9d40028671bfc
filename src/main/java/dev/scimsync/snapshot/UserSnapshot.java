package dev.scimsync.snapshot;

import dev.scimsync.scim.ScimClient;
import dev.scimsync.scim.ScimUser;
import dev.scimsync.state.RemoteUser;
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

    private final RemoteUsers remoteUsers;

    public UserSnapshot(RemoteUsers remoteUsers) {
        this.remoteUsers = remoteUsers;
    }

    /**
     * Replaces the run's listing of the given pass.
     *
     * @return the number of users listed
     */
    public long take(ScimClient client, String runId, String pass) {
        remoteUsers.clear(runId, pass);
        List<RemoteUser> batch = new ArrayList<>(BATCH);
        long listed = client.forEachUser(null, user -> {
            batch.add(toRemote(user));
            if (batch.size() >= BATCH) {
                remoteUsers.insert(runId, pass, batch);
                batch.clear();
            }
        });
        remoteUsers.insert(runId, pass, batch);
        return listed;
    }

    static RemoteUser toRemote(ScimUser user) {
        return new RemoteUser(user.id(), user.userName(), user.primaryEmail().orElse(null), user.displayName(),
                user.organizationRole(), user.activeOrDefault());
    }
}
