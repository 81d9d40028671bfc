package dev.scimsync.emulator;

import java.util.Map;

/** A SCIM error outcome: thrown anywhere below the HTTP layer, answered as a SCIM error body. */
final class ScimException extends RuntimeException {

    private final int status;
    private final String scimType;
    private final Map<String, String> headers;

    ScimException(int status, String scimType, String detail, Map<String, String> headers) {
        super(detail, null, false, false);
        this.status = status;
        this.scimType = scimType;
        this.headers = Map.copyOf(headers);
    }

    static ScimException badRequest(String scimType, String detail) {
        return new ScimException(400, scimType, detail, Map.of());
    }

    static ScimException invalidValue(String detail) {
        return badRequest("invalidValue", detail);
    }

    static ScimException notFound(String detail) {
        return new ScimException(404, null, detail, Map.of());
    }

    static ScimException conflict(String detail) {
        return new ScimException(409, "uniqueness", detail, Map.of());
    }

    int status() {
        return status;
    }

    String scimType() {
        return scimType;
    }

    Map<String, String> headers() {
        return headers;
    }

    ScimResponse toResponse() {
        return ScimResponse.error(status, scimType, getMessage(), headers);
    }
}
