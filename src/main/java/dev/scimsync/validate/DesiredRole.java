package dev.scimsync.validate;

import java.util.List;

/**
 * A valid roles.csv row: a custom role.
 *
 * @param permissions the custom (non-inherited) permissions, sorted, without duplicates
 * @param description null leaves the target's description alone
 */
public record DesiredRole(long line, String name, String inheritedFrom, List<String> permissions,
                          String description) {

    public String permissionList() {
        return String.join(";", permissions);
    }
}
