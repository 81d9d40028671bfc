package dev.scimsync.config;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * W&B's role names, in one place for the job file's value mappings, the row rules and the planners: the built-in
 * roles of an organisation and of a team, and what a custom role's name may hold.
 */
public final class RoleNames {

    /** The built-in roles, as W&B spells them; organisation and team roles have the same three. */
    public static final Set<String> BUILT_IN = Set.of("admin", "member", "viewer");

    /** The longest custom role name. */
    public static final int MAX_CUSTOM = 64;

    private static final Pattern CUSTOM = Pattern.compile("[A-Za-z0-9 _.-]{1," + MAX_CUSTOM + "}");

    private RoleNames() {
    }

    /** Whether {@code name} is made of what a custom role's name may hold, within {@link #MAX_CUSTOM}. */
    public static boolean isCustomRoleName(String name) {
        return CUSTOM.matcher(name).matches();
    }
}
