package dev.scimsync.scim;

import feign.Response;
import feign.codec.Decoder;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.stream.Collectors;

/**
 * The one place GraphQL errors are decoded: a response body with a non-empty {@code errors} array is a failure,
 * although its HTTP status is 200. Wraps the JSON decoder of every API; bodies of other types pass through. Feign
 * wraps what a decoder throws, and {@link TypedExceptions} hands callers the {@link GraphqlException} itself.
 */
final class GraphqlErrors implements Decoder {

    private static final int MAX_DETAIL_CHARS = 300;

    private final Decoder json;

    GraphqlErrors(Decoder json) {
        this.json = json;
    }

    @Override
    public Object decode(Response response, Type type) throws IOException {
        Object decoded = json.decode(response, type);
        if (decoded instanceof GraphqlResponse graphql && !graphql.errors().isEmpty()) {
            String detail = graphql.errors().stream()
                    .map(e -> e == null || e.message() == null ? "(no message)" : e.message().strip())
                    .collect(Collectors.joining("; "));
            throw new GraphqlException(detail.length() > MAX_DETAIL_CHARS
                    ? detail.substring(0, MAX_DETAIL_CHARS) + "…" : detail, url(response));
        }
        return decoded;
    }

    /** The URL without its query. */
    private static String url(Response response) {
        String url = response.request() == null ? "?" : response.request().url();
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }
}
