package dev.scimsync.emulator;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The small organisation the demo job starts from. */
final class DemoOrg {

    private DemoOrg() {
    }

    static Void seed(Org org, Instant now) {
        User opsAdmin = user(org, "ops-admin", "Ops Admin", BuiltinRoles.ADMIN, true, now);
        User alice = user(org, "alice", "Alice Ng", BuiltinRoles.MEMBER, true, now);
        user(org, "bob", "Bob Stone", BuiltinRoles.MEMBER, true, now);
        user(org, "carol", "Carol Diaz", BuiltinRoles.MEMBER, false, now);
        user(org, "legacy", "Legacy Account", BuiltinRoles.MEMBER, true, now);
        Map<String, String> research = new LinkedHashMap<>();
        research.put(opsAdmin.id(), BuiltinRoles.ADMIN);
        research.put(alice.id(), BuiltinRoles.MEMBER);
        org.putTeam(new Team(Org.newId(), "research", research, now, now, 1));
        org.putRole(new Role(Org.newId(), "auditor", "Read-only auditors", BuiltinRoles.VIEWER,
                List.of("launchagent:read"), now, now, 1));
        return null;
    }

    private static User user(Org org, String userName, String displayName, String orgRole, boolean active,
            Instant now) {
        User user = new User(Org.newId(), userName, displayName, userName + "@example.com", active, orgRole, now,
                now, 1);
        org.putUser(user);
        return user;
    }
}
