package dev.scimsync.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * One operation of a SCIM PatchOp request.
 *
 * @param op    {@code add}, {@code replace} or {@code remove} (lower-cased; any case is accepted)
 * @param path  the attribute path with any core schema URN prefix removed, null when absent
 * @param value the value, null when absent
 */
record PatchOp(String op, String path, JsonNode value) {

    static final String SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    /** Parses {@code {"schemas":[PatchOp],"Operations":[...]}}; 400 when malformed or empty. */
    static List<PatchOp> parse(JsonNode body) {
        JsonNode operations = Json.field(body, "Operations");
        if (operations == null || !operations.isArray() || operations.isEmpty()) {
            throw ScimException.badRequest("invalidSyntax", "a PatchOp needs a non-empty Operations array");
        }
        List<PatchOp> ops = new ArrayList<>();
        for (JsonNode operation : operations) {
            String op = Json.text(operation, "op");
            if (op == null) {
                throw ScimException.badRequest("invalidSyntax", "every operation needs an op");
            }
            op = op.toLowerCase(Locale.ROOT);
            if (!op.equals("add") && !op.equals("replace") && !op.equals("remove")) {
                throw ScimException.badRequest("invalidSyntax", "unknown op '" + op + "'");
            }
            String path = Json.text(operation, "path");
            ops.add(new PatchOp(op, path == null || path.isBlank() ? null : stripSchema(path.trim()),
                    Json.field(operation, "value")));
        }
        return ops;
    }

    /** The path lower-cased, for matching attribute names. */
    String attribute() {
        return path == null ? null : path.toLowerCase(Locale.ROOT);
    }

    /** Removes a leading {@code urn:...:User:} / {@code Group:} / {@code Role:} prefix from an attribute path. */
    static String stripSchema(String path) {
        if (!path.regionMatches(true, 0, "urn:", 0, 4)) {
            return path;
        }
        int bracket = path.indexOf('[');
        int end = bracket < 0 ? path.length() : bracket;
        int colon = path.lastIndexOf(':', end - 1);
        return colon < 0 ? path : path.substring(colon + 1);
    }
}
