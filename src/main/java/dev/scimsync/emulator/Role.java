package dev.scimsync.emulator;

import java.time.Instant;
import java.util.List;

/**
 * A custom role (immutable).
 *
 * @param inheritedFrom     {@code member} or {@code viewer}
 * @param customPermissions the permissions added on top of the inherited ones, in the order they were added
 */
record Role(String id, String name, String description, String inheritedFrom, List<String> customPermissions,
        Instant created, Instant lastModified, long version) {

    Role {
        customPermissions = List.copyOf(customPermissions);
    }
}
