package dev.scimsync.snapshot;

import dev.scimsync.scim.ScimClient;
import dev.scimsync.snapshot.RemoteServiceAccountRepository.RemoteServiceAccount;
import org.springframework.stereotype.Component;

import java.util.Collection;

/**
 * Lists the service accounts of the teams service-accounts.csv names, one GraphQL team query a team, and only of
 * those the target already holds: a team this run creates has none yet. Requests grow with the teams the file
 * names, not with the organisation.
 */
@Component
public class ServiceAccountSnapshot {

    private final RemoteServiceAccountRepository accounts;

    public ServiceAccountSnapshot(RemoteServiceAccountRepository accounts) {
        this.accounts = accounts;
    }

    /**
     * Replaces the pass's service accounts with those of the named teams.
     *
     * @param org      the target's teams, as the same pass listed them
     * @param teamKeys lower-case team names
     * @return the number of service accounts listed
     */
    public long take(ScimClient client, String runId, String pass, RemoteOrg org, Collection<String> teamKeys) {
        accounts.clear(runId, pass);
        long listed = 0;
        for (String teamKey : teamKeys) {
            RemoteOrg.Group team = org.groupByNameKey(teamKey);
            if (team == null) {
                continue;
            }
            var found = client.serviceAccounts().list(team.name()).stream()
                    .map(a -> new RemoteServiceAccount(teamKey, a.id(), a.description())).toList();
            accounts.insert(runId, pass, teamKey, found);
            listed += found.size();
        }
        return listed;
    }
}
