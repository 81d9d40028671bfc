package dev.scimsync.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Checks {@code inputs.values} when the job file is read: only the columns that hold one of a few known values can
 * be mapped, every value is mapped to one of those, and no two source values are the same once case and surrounding
 * spaces are ignored (that is how a cell is matched against them).
 */
final class ValueMappings {

    /** A custom role's name, as memberships.csv accepts it (see validate.NameRule). */

    private record Target(String what, Predicate<String> legal) {
    }

    /** kind.column → what the column's values may be mapped to. */
    private static final Map<String, Target> TARGETS = targets();

    private ValueMappings() {
    }

    static void check(Map<String, Map<String, Map<String, String>>> values, List<String> problems) {
        values.forEach((kind, byColumn) -> {
            if (!InputsConfig.KNOWN_COLUMNS.containsKey(kind)) {
                problems.add("inputs.values." + kind + " is not an input kind (one of "
                        + String.join(", ", InputsConfig.KNOWN_COLUMNS.keySet()) + ")");
                return;
            }
            byColumn.forEach((column, mapping) -> {
                String key = "inputs.values." + kind + "." + column;
                Target target = TARGETS.get(kind + "." + column);
                if (target == null) {
                    problems.add(key + " cannot be mapped (values can be mapped for "
                            + String.join(", ", TARGETS.keySet()) + ")");
                } else {
                    mapping(key, column, target, mapping, problems);
                }
            });
        });
    }

    private static void mapping(String key, String column, Target target, Map<String, String> mapping,
                                List<String> problems) {
        Map<String, String> sources = new LinkedHashMap<>();
        mapping.forEach((from, to) -> {
            if (from == null || from.isBlank()) {
                problems.add(key + " maps an empty value; only values written in the file can be mapped");
                return;
            }
            String other = sources.putIfAbsent(from.strip().toLowerCase(Locale.ROOT), from);
            if (other != null) {
                problems.add(key + " maps '" + other + "' and '" + from
                        + "', which are the same value (cells are matched ignoring case and surrounding spaces)");
            }
            if (to == null || !target.legal().test(to.strip())) {
                problems.add(key + "." + from + " must be " + target.what() + ", a value of " + column
                        + " (was " + (to == null ? "empty" : "'" + to + "'") + ")");
            }
        });
    }

    private static Map<String, Target> targets() {
        Map<String, Target> targets = new LinkedHashMap<>();
        targets.put("users.active", new Target("true, false or removed",
                v -> v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false") || v.equalsIgnoreCase("removed")));
        targets.put("users.org_role", new Target("admin, member or viewer",
                v -> RoleNames.BUILT_IN.contains(v.toLowerCase(Locale.ROOT))));
        targets.put("memberships.role", new Target(
                "admin, member, viewer or a custom role's name (1 to 64 letters, digits, spaces and . _ -)",
                v -> RoleNames.BUILT_IN.contains(v.toLowerCase(Locale.ROOT)) || RoleNames.isCustomRoleName(v)));
        return targets;
    }
}
