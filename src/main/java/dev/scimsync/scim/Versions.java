package dev.scimsync.scim;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The last version ({@code meta.version}, an ETag) the client saw of each resource, for {@code If-Match} on targets
 * whose ServiceProviderConfig offers ETags. Filled by listings, reads, creates and changes of this client; a write
 * whose version is unknown is sent without {@code If-Match} (RFC 7644 §3.14 makes it optional). A 412 means the
 * resource changed since: it is read again and the write sent once more with the new version.
 */
final class Versions {

    private final Map<String, String> byResource = new ConcurrentHashMap<>();

    void remember(String resource, ScimMeta meta) {
        if (meta != null && meta.version() != null) {
            byResource.put(resource, meta.version());
        } else {
            byResource.remove(resource);
        }
    }

    /**
     * Sends a write with the known version; on 412 re-reads the resource and sends it once more.
     *
     * @param send   the write, given the If-Match value (null: none)
     * @param reread reads the resource's current meta
     * @param metaOf the meta of the write's answer (null for no body: the version is then unknown)
     */
    <T> T conditional(String resource, Function<String, T> send, Supplier<ScimMeta> reread,
                      Function<T, ScimMeta> metaOf) {
        T result;
        try {
            result = send.apply(byResource.get(resource));
        } catch (ScimPreconditionFailedException stale) {
            remember(resource, reread.get());
            result = send.apply(byResource.get(resource));
        }
        remember(resource, result == null ? null : metaOf.apply(result));
        return result;
    }
}
