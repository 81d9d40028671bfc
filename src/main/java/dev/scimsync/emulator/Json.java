package dev.scimsync.emulator;

import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Tolerant JSON reading (attribute names in any case) and node creation, on one shared Jackson 3 mapper. */
final class Json {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    static byte[] bytes(JsonNode node) {
        return MAPPER.writeValueAsBytes(node);
    }

    /** Parses a request body that must be one JSON object; anything else is a 400 {@code invalidSyntax}. */
    static JsonNode parseObject(byte[] body) {
        if (body == null || body.length == 0) {
            throw ScimException.badRequest("invalidSyntax", "request body is empty");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw ScimException.badRequest("invalidSyntax", "request body is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw ScimException.badRequest("invalidSyntax", "request body must be a JSON object");
        }
        return node;
    }

    /** Parses one JSON string literal, e.g. the value of a filter; null when it is not one. */
    static String parseStringLiteral(String literal) {
        try {
            JsonNode node = MAPPER.readTree(literal);
            return node != null && node.isString() ? node.stringValue() : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    /** The attribute {@code name} of {@code node}, matched ignoring case; null when absent or not an object. */
    static JsonNode field(JsonNode node, String name) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode exact = node.get(name);
        if (exact != null) {
            return exact;
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    /** A string attribute; null when absent or JSON null; 400 {@code invalidValue} when not a string. */
    static String text(JsonNode node, String name) {
        return asText(field(node, name), name);
    }

    static String asText(JsonNode value, String what) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw ScimException.invalidValue(what + " must be a string");
        }
        return value.stringValue();
    }

    /** A boolean given as JSON boolean or as the string "true"/"false" (any case), else 400. */
    static boolean asBoolean(JsonNode value, String what) {
        if (value != null && value.isBoolean()) {
            return value.booleanValue();
        }
        if (value != null && value.isString()) {
            if (value.stringValue().equalsIgnoreCase("true")) {
                return true;
            }
            if (value.stringValue().equalsIgnoreCase("false")) {
                return false;
            }
        }
        throw ScimException.invalidValue(what + " must be true or false");
    }

    /** An array as is, a single non-null value as a one-element array, null or absent as an empty array. */
    static ArrayNode asArray(JsonNode value) {
        if (value == null || value.isNull()) {
            return array();
        }
        if (value.isArray()) {
            return (ArrayNode) value;
        }
        ArrayNode single = array();
        single.add(value);
        return single;
    }

    /**
     * A strict server's check of a resource body: 400 invalidValue naming the first attribute that is not one of
     * {@code known} (lower-case), as RFC 7644 section 3.12 allows for attributes the schema does not define.
     */
    static void requireKnown(JsonNode body, java.util.Set<String> known, String resource) {
        if (body == null || !body.isObject()) {
            return;
        }
        for (Map.Entry<String, JsonNode> entry : body.properties()) {
            String name = entry.getKey();
            String attribute = Org.lower(PatchOp.stripSchema(name));
            if (!known.contains(attribute) && !name.regionMatches(true, 0, "urn:", 0, 4)) {
                throw ScimException.invalidValue("'" + name + "' is not an attribute of the core " + resource
                        + " schema");
            }
        }
    }
}
