package dev.scimsync.plan;

/**
 * Which role columns of the inputs a target applies. W&amp;B takes both, as its {@code organizationRole} and
 * {@code teamRoles} attributes; a plain SCIM 2.0 service provider knows neither (RFC 7643's core User and Group have
 * no such attribute), so their values are not planned, and the run says how many were left out.
 *
 * @param orgRole  users.csv {@code org_role}
 * @param teamRole memberships.csv {@code role}
 */
public record RoleColumns(boolean orgRole, boolean teamRole) {

    /** Both, as W&amp;B takes them. */
    public static final RoleColumns ALL = new RoleColumns(true, true);

    /** Neither: a target that takes only the standard attributes. */
    public static final RoleColumns NONE = new RoleColumns(false, false);
}
