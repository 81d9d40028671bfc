package dev.scimsync.validate;

import java.util.regex.Pattern;

/** Team and custom role names. */
final class NameRule {

    static final int MAX_TEAM = 128;
    static final int MAX_ROLE = 64;
    private static final Pattern ROLE = Pattern.compile("[A-Za-z0-9 _.-]{1,64}");

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
        return ROLE.matcher(role).matches() ? null : "invalid role name " + Text.quote(role)
                + " (1 to 64 characters: letters, digits, spaces and . _ -)";
    }
}
