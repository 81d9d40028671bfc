package dev.scimsync.scim;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * A GraphQL response body. A response whose {@code errors} is not empty never reaches a caller: the decoder throws
 * {@link GraphqlException} instead ({@link GraphqlErrors}).
 */
record GraphqlResponse(JsonNode data, List<Error> errors) {

    GraphqlResponse {
        errors = ScimLists.nonNull(errors);
    }

    /** One entry of {@code errors}; only its message is read. */
    record Error(String message) {
    }
}
