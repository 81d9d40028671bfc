package dev.scimsync.scim;

import feign.Headers;
import feign.RequestLine;

/**
 * W&amp;B's GraphQL endpoint ({@code <host>/graphql}): one POST carrying a query or mutation. Errors come back with
 * HTTP 200 and an {@code errors} array; {@link GraphqlErrors} turns them into a {@link GraphqlException}.
 */
@Headers({"Accept: application/json", "Content-Type: application/json"})
interface GraphqlApi {

    @RequestLine("POST")
    GraphqlResponse post(GraphqlRequest request);
}
