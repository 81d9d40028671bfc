package dev.scimsync.emulator;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** What a handler answers: a status, an optional JSON body and extra headers. */
record ScimResponse(int status, JsonNode body, Map<String, String> headers) {

    static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

    ScimResponse {
        headers = Map.copyOf(headers);
    }

    static ScimResponse json(int status, JsonNode body) {
        return new ScimResponse(status, body, Map.of());
    }

    /** A single resource, with the {@code ETag} header equal to its {@code meta.version}. */
    static ScimResponse resource(int status, JsonNode body, long version) {
        return new ScimResponse(status, body, Map.of("ETag", Etags.of(version)));
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
        return new ScimResponse(status, body, new LinkedHashMap<>(headers));
    }
}
