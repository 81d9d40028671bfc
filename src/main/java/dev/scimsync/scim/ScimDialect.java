package dev.scimsync.scim;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What differs between targets: how a user is deactivated and reactivated, whether custom roles and profile updates
 * exist, and how many results one list request may ask for. Callers ask the dialect instead of testing its id.
 */
public interface ScimDialect {

    /** {@code wandb}, {@code wandb-saas} or {@code scim2}. */
    String id();

    /**
     * Deactivates the user as a server of this dialect does by default: DELETE where {@link #deleteRemovesUsers()}
     * is false, else the PATCH that sets {@code active:false}.
     */
    default void deactivate(UsersApi api, String userId) {
        if (deleteRemovesUsers()) {
            deactivateByPatch(api, userId);
        } else {
            api.delete(userId);
        }
    }

    /** The PATCH that sets {@code active:false}, in the form this dialect's servers take. */
    void deactivateByPatch(UsersApi api, String userId);

    /**
     * Whether {@code DELETE /Users/{id}} takes the user out of the organisation on a server of this dialect (RFC
     * 7644, newer W&amp;B servers), rather than deactivating it (W&amp;B Dedicated and Self-Managed as first
     * documented). A target may say otherwise ({@link ScimClientSettings#userDeleteRemoves()}).
     */
    default boolean deleteRemovesUsers() {
        return true;
    }

    /** @throws UnsupportedByDialectException when {@link #canReactivate()} is false */
    void reactivate(UsersApi api, String userId);

    boolean canReactivate();

    /** Custom roles ({@code /Roles}). */
    boolean supportsRoles();

    /** Team service accounts, through W&amp;B's GraphQL API: wherever W&amp;B's {@code /Roles} are. */
    default boolean supportsServiceAccounts() {
        return supportsRoles();
    }

    /** Display name and e-mail changes. */
    boolean supportsProfileUpdates();

    /**
     * Whether users take W&amp;B's attributes {@code organizationRole} and {@code teamRoles}. A plain SCIM 2.0
     * service provider is sent only RFC 7643's core attributes: a strict one answers 400 to any other.
     */
    default boolean takesWandbRoleAttributes() {
        return true;
    }

    /** The {@code count} of one list request. */
    int pageSize();

    /** Whether to read {@code /ServiceProviderConfig} for paging limits and ETag support (plain SCIM 2.0). */
    default boolean readsServiceProviderConfig() {
        return false;
    }

    /** @throws IllegalArgumentException for an unknown id, listing the valid ones */
    static ScimDialect of(String id) {
        String wanted = id == null ? "" : id.trim().toLowerCase(Locale.ROOT);
        List<ScimDialect> all = List.of(new WandbDialect(), new WandbSaasDialect(), new Scim2Dialect());
        return all.stream()
                .filter(dialect -> dialect.id().equals(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown dialect '" + id + "'; valid: "
                        + all.stream().map(ScimDialect::id).collect(Collectors.joining(", "))));
    }
}
