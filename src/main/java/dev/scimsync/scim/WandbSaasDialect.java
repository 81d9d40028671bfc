package dev.scimsync.scim;

/**
 * W&B multi-tenant SaaS: PATCH {@code replace {"active":false}} removes the user from the organisation, and there is
 * no way back through SCIM (the server answers 400). No display name or e-mail updates.
 */
final class WandbSaasDialect implements ScimDialect {

    @Override
    public String id() {
        return "wandb-saas";
    }

    @Override
    public void deactivateByPatch(UsersApi api, String userId) {
        api.patch(userId, PatchRequest.replaceActive(false));
    }

    @Override
    public void reactivate(UsersApi api, String userId) {
        throw new UnsupportedByDialectException("cannot reactivate user " + userId + " on dialect wandb-saas: W&B"
                + " multi-tenant SaaS removes a deactivated user from the organisation; invite the user again instead");
    }

    @Override
    public boolean canReactivate() {
        return false;
    }

    @Override
    public boolean supportsRoles() {
        return true;
    }

    @Override
    public boolean supportsProfileUpdates() {
        return false;
    }

    @Override
    public int pageSize() {
        return 9999;
    }

    @Override
    public String toString() {
        return id();
    }
}
