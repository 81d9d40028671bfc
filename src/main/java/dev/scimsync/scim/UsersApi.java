package dev.scimsync.scim;

import feign.Headers;
import feign.Param;
import feign.RequestLine;

/**
 * {@code /Users}. A {@code null} query parameter or {@code If-Match} value is left out of the request. PATCH may answer
 * 204 with no body: the result is then {@code null}.
 */
@Headers("Accept: application/scim+json, application/json")
public interface UsersApi {

    @RequestLine("GET /Users?filter={filter}&startIndex={startIndex}&count={count}")
    ListResponse<ScimUser> list(@Param("filter") String filter, @Param("startIndex") Integer startIndex,
            @Param("count") Integer count);

    @RequestLine("POST /Users")
    @Headers("Content-Type: application/scim+json")
    ScimUser create(ScimUser user);

    @RequestLine("GET /Users/{id}")
    ScimUser get(@Param("id") String id);

    @RequestLine("PATCH /Users/{id}")
    @Headers({"Content-Type: application/scim+json", "If-Match: {ifMatch}"})
    ScimUser patch(@Param("id") String id, PatchRequest patch, @Param("ifMatch") String ifMatch);

    default ScimUser patch(String id, PatchRequest patch) {
        return patch(id, patch, null);
    }

    /**
     * Deactivates the user on W&amp;B servers as first documented (it stays listed, inactive); removes it from the
     * organisation on newer W&amp;B servers and RFC 7644 ones ({@link ScimClientSettings#userDeleteRemoves()}).
     */
    @RequestLine("DELETE /Users/{id}")
    @Headers("If-Match: {ifMatch}")
    void delete(@Param("id") String id, @Param("ifMatch") String ifMatch);

    default void delete(String id) {
        delete(id, null);
    }
}
