package dev.scimsync.validate;

import java.util.regex.Pattern;

/** Team and custom role names. */
final class NameRule {

    static final int MAX_TEAM = 128;
    private static final Pattern ROLE = Pattern.compile("[A-Za-z0-9 _.-]{1,64}");

    private NameRule() {
    }

    static String teamProblem(String team) {
        if (team.isEmpty()) {
            return "team is required";
        }
        if (Text.length(team) > MAX_TEAM) {
            return "team name " + Text.quote(team) + " is longer than " + MAX_TEAM + " characters";
        }
        return Text.hasControl(team) ? "team name " + Text.quote(team) + " contains a control character" : null;
    }

    static String roleProblem(String role) {
        return ROLE.matcher(role).matches() ? null : "invalid role name " + Text.quote(role)
                + " (1 to 64 characters: letters, digits, spaces and . _ -)";
    }
}
