package dev.scimsync.emulator;

import java.util.List;

/** A user together with its team memberships, snapshotted under the store's lock for rendering outside it. */
record UserView(User user, List<Membership> memberships) {

    UserView {
        memberships = List.copyOf(memberships);
    }

    /** One team the user belongs to and the user's role in it (built-in name or custom role name). */
    record Membership(String teamId, String teamName, String roleName) {
    }
}
