package dev.scimsync.scim;

import java.util.List;
import java.util.Objects;

/** Tolerant list normalisation for DTOs: {@code null} becomes empty, {@code null} elements are dropped. */
final class ScimLists {

    private ScimLists() {
    }

    static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }
}
