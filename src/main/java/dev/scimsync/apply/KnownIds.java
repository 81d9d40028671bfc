package dev.scimsync.apply;

import dev.scimsync.apply.TargetIdLookup;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ids of users and teams for operations being sent: those created by this step so far (their outcomes are not
 * committed yet while their chunk is open, so other connections cannot read them), then the committed ones.
 */
final class KnownIds {

    private final TargetIdLookup committed;
    private final String opsRunId;
    private final Map<String, String> users = new ConcurrentHashMap<>();
    private final Map<String, String> teams = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> createdWith = new ConcurrentHashMap<>();

    KnownIds(TargetIdLookup committed, String opsRunId) {
        this.committed = committed;
        this.opsRunId = opsRunId;
    }

    void userCreated(String emailKey, String id) {
        users.put(emailKey, id);
    }

    /** A team this step created, with the members it was created with. */
    void teamCreated(String teamKey, String id, Collection<String> memberIds) {
        teams.put(teamKey, id);
        createdWith.put(teamKey, Set.copyOf(memberIds));
    }

    /** The members a team was created with, when this step created it; empty when unknown. */
    Optional<Set<String>> createdWith(String teamKey) {
        return Optional.ofNullable(createdWith.get(teamKey));
    }

    /** Lower-case email → id, for those of {@code emailKeys} that have one. */
    Map<String, String> users(Collection<String> emailKeys) {
        List<String> unknown = emailKeys.stream().filter(k -> !users.containsKey(k)).toList();
        Map<String, String> ids = new java.util.HashMap<>(committed.users(opsRunId, unknown));
        emailKeys.stream().filter(users::containsKey).forEach(k -> ids.put(k, users.get(k)));
        return ids;
    }

    Optional<String> team(String teamKey) {
        String id = teams.get(teamKey);
        return id != null ? Optional.of(id) : committed.team(opsRunId, teamKey);
    }
}
