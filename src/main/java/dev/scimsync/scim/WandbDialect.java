package dev.scimsync.scim;

/**
 * W&B Dedicated Cloud and Self-Managed: {@code DELETE /Users/{id}} deactivates (the user stays listed with
 * {@code active:false}); a PATCH {@code replace {"active":true}} with no path reactivates.
 */
final class WandbDialect implements ScimDialect {

    @Override
    public String id() {
        return "wandb";
    }

    @Override
    public void deactivateByPatch(UsersApi api, String userId) {
        api.patch(userId, PatchRequest.replaceActive(false));
    }

    @Override
    public boolean deleteRemovesUsers() {
        return false;
    }

    @Override
    public void reactivate(UsersApi api, String userId) {
        api.patch(userId, PatchRequest.replaceActive(true));
    }

    @Override
    public boolean canReactivate() {
        return true;
    }

    @Override
    public boolean supportsRoles() {
        return true;
    }

    @Override
    public boolean supportsProfileUpdates() {
        return true;
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
