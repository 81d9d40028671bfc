package dev.scimsync.emulator;

import java.time.Instant;

/**
 * A user of the emulated organisation (immutable; a change stores a new record with {@code version + 1}).
 *
 * @param orgRole {@code admin}, {@code member} or {@code viewer}
 * @param email   the one (work, primary) email address, null only in the scim2 dialect
 */
record User(String id, String userName, String displayName, String email, boolean active, String orgRole,
        Instant created, Instant lastModified, long version) {

    /** The same user with a new version, e.g. after a team change that shows in its representation. */
    User touched(Instant now) {
        return new User(id, userName, displayName, email, active, orgRole, created, now, version + 1);
    }
}
