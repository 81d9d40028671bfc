package dev.scimsync.scim;

import feign.Headers;
import feign.Param;
import feign.RequestLine;

/** {@code /Groups} (W&B teams). A {@code null} query parameter or {@code If-Match} value is left out. */
@Headers("Accept: application/scim+json, application/json")
public interface GroupsApi {

    @RequestLine("GET /Groups?filter={filter}&startIndex={startIndex}&count={count}")
    ListResponse<ScimGroup> list(@Param("filter") String filter, @Param("startIndex") Integer startIndex,
            @Param("count") Integer count);

    @RequestLine("POST /Groups")
    @Headers("Content-Type: application/scim+json")
    ScimGroup create(ScimGroup group);

    @RequestLine("GET /Groups/{id}")
    ScimGroup get(@Param("id") String id);

    @RequestLine("PATCH /Groups/{id}")
    @Headers({"Content-Type: application/scim+json", "If-Match: {ifMatch}"})
    ScimGroup patch(@Param("id") String id, PatchRequest patch, @Param("ifMatch") String ifMatch);

    default ScimGroup patch(String id, PatchRequest patch) {
        return patch(id, patch, null);
    }

    /** Replaces the group, every member included. */
    @RequestLine("PUT /Groups/{id}")
    @Headers({"Content-Type: application/scim+json", "If-Match: {ifMatch}"})
    ScimGroup replace(@Param("id") String id, ScimGroup group, @Param("ifMatch") String ifMatch);

    default ScimGroup replace(String id, ScimGroup group) {
        return replace(id, group, null);
    }

    /**
     * Deletes the team. W&amp;B's docs say its Group API removes teams, but its API reference lists no DELETE: a
     * server that lacks it answers 404, 405 or 501.
     */
    @RequestLine("DELETE /Groups/{id}")
    @Headers("If-Match: {ifMatch}")
    void delete(@Param("id") String id, @Param("ifMatch") String ifMatch);

    default void delete(String id) {
        delete(id, null);
    }
}
