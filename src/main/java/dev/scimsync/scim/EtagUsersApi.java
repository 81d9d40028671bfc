package dev.scimsync.scim;

import java.util.function.BooleanSupplier;

/** {@link UsersApi} sending {@code If-Match} with the last version seen, when the target offers ETags. */
final class EtagUsersApi implements UsersApi {

    private final UsersApi api;
    private final ConditionalWrites writes;

    EtagUsersApi(UsersApi api, Versions versions, BooleanSupplier enabled) {
        this.api = api;
        this.writes = new ConditionalWrites(versions, enabled, "Users");
    }

    private ScimUser seen(ScimUser user) {
        if (user != null) {
            writes.seen(user.id(), user.meta());
        }
        return user;
    }

    @Override
    public ListResponse<ScimUser> list(String filter, Integer startIndex, Integer count) {
        ListResponse<ScimUser> page = api.list(filter, startIndex, count);
        page.resources().forEach(this::seen);
        return page;
    }

    @Override
    public ScimUser create(ScimUser user) {
        return seen(api.create(user));
    }

    @Override
    public ScimUser get(String id) {
        return seen(api.get(id));
    }

    @Override
    public ScimUser patch(String id, PatchRequest patch, String ifMatch) {
        return writes.write(id, ifMatch, v -> api.patch(id, patch, v), () -> api.get(id).meta(), ScimUser::meta);
    }

    @Override
    public void delete(String id, String ifMatch) {
        writes.write(id, ifMatch, v -> {
            api.delete(id, v);
            return null;
        }, () -> api.get(id).meta(), none -> null);
    }
}
