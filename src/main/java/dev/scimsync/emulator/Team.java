package dev.scimsync.emulator;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A W&amp;B team, i.e. a SCIM Group (immutable).
 *
 * @param members user id to team role key, in the order members joined; the key is a built-in role name
 *                ({@code admin}, {@code member}, {@code viewer}) or the id of a custom role, so renaming a custom
 *                role needs no update here
 */
record Team(String id, String name, Map<String, String> members, Instant created, Instant lastModified,
        long version) {

    Team {
        members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
    }

    Team touched(Instant now) {
        return new Team(id, name, members, created, now, version + 1);
    }

    /** The same team with other team roles, version unchanged: team roles are not part of a Group resource. */
    Team withMembers(Map<String, String> newMembers) {
        return new Team(id, name, newMembers, created, lastModified, version);
    }
}
