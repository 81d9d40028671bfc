package dev.scimsync.emulator;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The W&amp;B built-in roles. The permissions a custom role inherits are listed as the documentation's example shows
 * them; the built-in roles' full permission sets are not documented, so the emulator does not make them up, and a
 * custom permission is kept as given even where the inherited role might grant it too.
 */
final class BuiltinRoles {

    static final String ADMIN = "admin";
    static final String MEMBER = "member";
    static final String VIEWER = "viewer";
    static final Set<String> ALL = Set.of(ADMIN, MEMBER, VIEWER);

    /** The one inherited permission the documented example lists ({@code isInherited: true}). */
    static final List<String> DOCUMENTED_INHERITED = List.of("artifact:read");

    private static final Pattern PERMISSION = Pattern.compile("^[a-z]+:[a-z]+$");

    private BuiltinRoles() {
    }

    /** The built-in role name for {@code name} in any case, or null when it is not one. */
    static String builtin(String name) {
        String lower = name == null ? null : name.toLowerCase(Locale.ROOT);
        return ALL.contains(lower) ? lower : null;
    }

    /**
     * The permissions listed as inherited by a custom role inheriting from {@code inheritedFrom} (member or viewer):
     * only what the documentation shows, for either.
     */
    static List<String> inherited(String inheritedFrom) {
        return DOCUMENTED_INHERITED;
    }

    /** {@code member} or {@code viewer} in any case, lower-cased; 400 for anything else. */
    static String requireInheritable(String value) {
        String lower = value == null ? null : value.toLowerCase(Locale.ROOT);
        if (!MEMBER.equals(lower) && !VIEWER.equals(lower)) {
            throw ScimException.invalidValue("inheritedFrom must be member or viewer, was " + value);
        }
        return lower;
    }

    static String requirePermission(String name) {
        if (name == null || !PERMISSION.matcher(name).matches()) {
            throw ScimException.invalidValue("permission names look like object:operation, e.g. run:stop; was "
                    + name);
        }
        return name;
    }
}
