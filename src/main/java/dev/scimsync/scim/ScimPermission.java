package dev.scimsync.scim;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A permission of a custom role, e.g. {@code run:stop}; {@code isInherited} is set by the server on reads. */
public record ScimPermission(String name, @JsonProperty("isInherited") Boolean isInherited) {

    public static ScimPermission named(String name) {
        return new ScimPermission(name, null);
    }

    public boolean inherited() {
        return Boolean.TRUE.equals(isInherited);
    }
}
