package dev.scimsync.scim;

import java.util.List;

/** A SCIM error body. {@code status} is a string in RFC 7644 and on W&B; a number is read as text too. */
public record ScimError(List<String> schemas, String detail, String status, String scimType) {

    public ScimError {
        schemas = ScimLists.nonNull(schemas);
    }

    static ScimError ofDetail(String detail) {
        return new ScimError(List.of(), detail, null, null);
    }

    static ScimError empty() {
        return ofDetail(null);
    }
}
