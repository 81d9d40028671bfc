package dev.scimsync.scim;

import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The {@code If-Match} side of one resource type ({@code Users}, {@code Groups}): remembers the versions seen and
 * sends writes conditionally when the target offers ETags, re-reading once after a 412.
 */
final class ConditionalWrites {

    private final Versions versions;
    private final BooleanSupplier enabled;
    private final String resourceType;

    ConditionalWrites(Versions versions, BooleanSupplier enabled, String resourceType) {
        this.versions = versions;
        this.enabled = enabled;
        this.resourceType = resourceType;
    }

    /** Remembers the version of a resource the target answered with. */
    void seen(String id, ScimMeta meta) {
        if (id != null && enabled.getAsBoolean()) {
            versions.remember(resourceType + "/" + id, meta);
        }
    }

    /**
     * Sends a write: with the caller's {@code If-Match} when it gave one (or when the target has no ETags), else with
     * the last version seen.
     */
    <T> T write(String id, String ifMatch, Function<String, T> send, Supplier<ScimMeta> reread,
                Function<T, ScimMeta> metaOf) {
        if (ifMatch != null || !enabled.getAsBoolean()) {
            return send.apply(ifMatch);
        }
        return versions.conditional(resourceType + "/" + id, send, reread, metaOf);
    }
}
