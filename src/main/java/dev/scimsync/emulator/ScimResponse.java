package dev.scimsync.emulator;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a handler answers: a status, an optional body of serialised JSON and extra headers.
 *
 * @param body the JSON bytes, null for no body (204)
 */
record ScimResponse(int status, byte[] body, Map<String, String> headers) {

    static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

    ScimResponse {
        headers = Map.copyOf(headers);
    }

    static ScimResponse json(int status, byte[] body) {
        return new ScimResponse(status, body, Map.of());
    }

    static ScimResponse json(int status, JsonNode body) {
        return json(status, Json.bytes(body));
    }

    /** A single resource, with the {@code ETag} header equal to its {@code meta.version}. */
    static ScimResponse resource(int status, byte[] body, long version) {
        return new ScimResponse(status, body, Map.of("ETag", Etags.of(version)));
    }

    static ScimResponse resource(int status, JsonNode body, long version) {
        return resource(status, Json.bytes(body), version);
    }

    static ScimResponse noContent() {
        return new ScimResponse(204, null, Map.of());
    }

    /** A SCIM error body; {@code status} is rendered as a string, {@code scimType} only when given. */
    static ScimResponse error(int status, String scimType, String detail, Map<String, String> headers) {
        ObjectNode body = Json.object();
        body.putArray("schemas").add(ERROR_SCHEMA);
        if (scimType != null) {
            body.put("scimType", scimType);
        }
        body.put("detail", detail);
        body.put("status", Integer.toString(status));
        return new ScimResponse(status, Json.bytes(body), headers);
    }
}
