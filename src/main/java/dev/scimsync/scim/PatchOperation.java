package dev.scimsync.scim;

/** One operation of a PATCH body. A {@code null} path is left out (W&B's "replace, no path" form). */
public record PatchOperation(String op, String path, Object value) {

    public static PatchOperation replace(String path, Object value) {
        return new PatchOperation("replace", path, value);
    }

    /** {@code replace} without a path: {@code value} is an object of attributes, e.g. {@code {"active":true}}. */
    public static PatchOperation replace(Object value) {
        return new PatchOperation("replace", null, value);
    }

    public static PatchOperation add(String path, Object value) {
        return new PatchOperation("add", path, value);
    }

    public static PatchOperation remove(String path) {
        return new PatchOperation("remove", path, null);
    }

    public static PatchOperation remove(String path, Object value) {
        return new PatchOperation("remove", path, value);
    }
}
