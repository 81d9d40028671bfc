package dev.scimsync.scim;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A page of a list request. {@code Resources} is read whatever its case; {@code totalResults} may be absent. */
public record ListResponse<T>(
        List<String> schemas,
        Integer totalResults,
        Integer startIndex,
        Integer itemsPerPage,
        @JsonProperty("Resources") List<T> resources) {

    public ListResponse {
        schemas = ScimLists.nonNull(schemas);
        resources = ScimLists.nonNull(resources);
    }
}
