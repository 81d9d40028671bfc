package dev.scimsync.scim;

import feign.Headers;
import feign.Param;
import feign.RequestLine;

/** {@code /Roles}: W&B custom roles. A {@code null} query parameter or {@code If-Match} value is left out. */
@Headers("Accept: application/scim+json, application/json")
public interface RolesApi {

    @RequestLine("GET /Roles?filter={filter}&startIndex={startIndex}&count={count}")
    ListResponse<ScimRole> list(@Param("filter") String filter, @Param("startIndex") Integer startIndex,
            @Param("count") Integer count);

    @RequestLine("POST /Roles")
    @Headers("Content-Type: application/scim+json")
    ScimRole create(ScimRole role);

    @RequestLine("GET /Roles/{id}")
    ScimRole get(@Param("id") String id);

    @RequestLine("PATCH /Roles/{id}")
    @Headers({"Content-Type: application/scim+json", "If-Match: {ifMatch}"})
    ScimRole patch(@Param("id") String id, PatchRequest patch, @Param("ifMatch") String ifMatch);

    default ScimRole patch(String id, PatchRequest patch) {
        return patch(id, patch, null);
    }

    /** Changes name, description and inherited role; W&B keeps the custom permissions. */
    @RequestLine("PUT /Roles/{id}")
    @Headers({"Content-Type: application/scim+json", "If-Match: {ifMatch}"})
    ScimRole replace(@Param("id") String id, ScimRole role, @Param("ifMatch") String ifMatch);

    default ScimRole replace(String id, ScimRole role) {
        return replace(id, role, null);
    }

    /** Every user holding the role falls back to its inherited role. */
    @RequestLine("DELETE /Roles/{id}")
    @Headers("If-Match: {ifMatch}")
    void delete(@Param("id") String id, @Param("ifMatch") String ifMatch);

    default void delete(String id) {
        delete(id, null);
    }
}
