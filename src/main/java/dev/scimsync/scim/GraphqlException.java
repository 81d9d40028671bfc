package dev.scimsync.scim;

import java.util.List;

/**
 * A GraphQL request that the server answered with HTTP 200 and an {@code errors} array (or without the data asked
 * for): a failure of that request, never retried. The message names the endpoint and the server's messages:
 * {@code POST http://host/graphql → GraphQL error: entity not found}.
 */
public class GraphqlException extends ScimException {

    /** The {@code scimType} the error carries, so that reports show where the failure came from. */
    public static final String TYPE = "graphqlError";

    GraphqlException(String detail, String url) {
        super("POST " + url + " → GraphQL error: " + detail, 200,
                new ScimError(List.of(), detail, "200", TYPE), "POST", url, null);
    }
}
