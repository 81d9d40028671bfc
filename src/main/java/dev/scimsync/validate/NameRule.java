package dev.scimsync.validate;

import dev.scimsync.config.RoleNames;

/** Team and custom role names. */
final class NameRule {

    static final int MAX_TEAM = 128;
    static final int MAX_ROLE = RoleNames.MAX_CUSTOM;

    private NameRule() {
    }

    static String teamProblem(String team) {
        if (team.isEmpty()) {
            return "team is required";
        }
        return KeyRule.problem("team name", team, MAX_TEAM);
    }

    static String roleProblem(String role) {
        String key = KeyRule.problem("role name", role, MAX_ROLE);
        if (key != null) {
            return key;
        }
        return RoleNames.isCustomRoleName(role) ? null : "invalid role name " + TextChecks.quote(role)
                + " (1 to 64 characters: letters, digits, spaces and . _ -)";
    }
}
