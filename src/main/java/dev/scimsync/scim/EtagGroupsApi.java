package dev.scimsync.scim;

import java.util.function.BooleanSupplier;

/** {@link GroupsApi} sending {@code If-Match} with the last version seen, when the target offers ETags. */
final class EtagGroupsApi implements GroupsApi {

    private final GroupsApi api;
    private final ConditionalWrites writes;

    EtagGroupsApi(GroupsApi api, Versions versions, BooleanSupplier enabled) {
        this.api = api;
        this.writes = new ConditionalWrites(versions, enabled, "Groups");
    }

    private ScimGroup seen(ScimGroup group) {
        if (group != null) {
            writes.seen(group.id(), group.meta());
        }
        return group;
    }

    @Override
    public ListResponse<ScimGroup> list(String filter, Integer startIndex, Integer count) {
        ListResponse<ScimGroup> page = api.list(filter, startIndex, count);
        page.resources().forEach(this::seen);
        return page;
    }

    @Override
    public ScimGroup create(ScimGroup group) {
        return seen(api.create(group));
    }

    @Override
    public ScimGroup get(String id) {
        return seen(api.get(id));
    }

    @Override
    public ScimGroup patch(String id, PatchRequest patch, String ifMatch) {
        return writes.write(id, ifMatch, v -> api.patch(id, patch, v), () -> api.get(id).meta(), ScimGroup::meta);
    }

    @Override
    public ScimGroup replace(String id, ScimGroup group, String ifMatch) {
        return writes.write(id, ifMatch, v -> api.replace(id, group, v), () -> api.get(id).meta(),
                ScimGroup::meta);
    }

    @Override
    public void delete(String id, String ifMatch) {
        writes.write(id, ifMatch, v -> {
            api.delete(id, v);
            return null;
        }, () -> api.get(id).meta(), none -> null);
    }
}
