package dev.scimsync.scim;

/** Plain RFC 7643/7644: PATCH {@code replace} path {@code active}; no custom roles; startIndex/count paging. */
final class Scim2Dialect implements ScimDialect {

    @Override
    public String id() {
        return "scim2";
    }

    @Override
    public void deactivateByPatch(UsersApi api, String userId) {
        api.patch(userId, PatchRequest.replace("active", false));
    }

    @Override
    public void reactivate(UsersApi api, String userId) {
        api.patch(userId, PatchRequest.replace("active", true));
    }

    @Override
    public boolean canReactivate() {
        return true;
    }

    @Override
    public boolean supportsRoles() {
        return false;
    }

    @Override
    public boolean takesWandbRoleAttributes() {
        return false;
    }

    @Override
    public boolean supportsProfileUpdates() {
        return true;
    }

    @Override
    public int pageSize() {
        return 1000;
    }

    @Override
    public boolean readsServiceProviderConfig() {
        return true;
    }

    @Override
    public String toString() {
        return id();
    }
}
