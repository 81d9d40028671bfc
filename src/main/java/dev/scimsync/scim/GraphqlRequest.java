package dev.scimsync.scim;

import java.util.Map;

/** A GraphQL request body: {@code {"operationName": ..., "query": ..., "variables": {...}}}. */
record GraphqlRequest(String operationName, String query, Map<String, Object> variables) {

    GraphqlRequest {
        variables = Map.copyOf(variables);
    }
}
