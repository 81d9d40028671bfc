package dev.scimsync.emulator;

import java.util.List;

/** A team together with its members' user names, snapshotted under the store's lock. */
record TeamView(Team team, List<Member> members) {

    TeamView {
        members = List.copyOf(members);
    }

    record Member(String userId, String userName) {
    }
}
