package dev.scimsync.emulator;

import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A routed request as the resource handlers see it.
 *
 * @param method      HTTP method, upper case
 * @param id          the resource id of {@code /Resource/{id}}, null for the collection
 * @param query       decoded query parameters, names lower-cased (SCIM parameter names are case-insensitive)
 * @param rawBody     the request body, possibly empty
 * @param contentType the Content-Type header, possibly null
 * @param ifMatch     the If-Match header, possibly null
 */
record ScimRequest(String method, String id, Map<String, String> query, byte[] rawBody, String contentType,
        String ifMatch) {

    /** The body as a JSON object; 415 unless the Content-Type is JSON, 400 {@code invalidSyntax} if malformed. */
    JsonNode body() {
        if (!isJson(contentType)) {
            throw new ScimException(415, null,
                    "Content-Type must be application/scim+json or application/json", Map.of());
        }
        return Json.parseObject(rawBody);
    }

    String param(String name) {
        return query.get(name.toLowerCase(Locale.ROOT));
    }

    /** Checks {@code If-Match} against the current version of the target resource (412 on mismatch). */
    void requireMatch(long version) {
        Etags.requireMatch(ifMatch, version);
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String mediaType = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/scim+json") || mediaType.equals("application/json");
    }
}
