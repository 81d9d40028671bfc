package dev.scimsync.scim;

/**
 * What a SCIM 2.0 service provider says about itself at {@code GET /ServiceProviderConfig} (RFC 7643 §5); only the
 * parts the client acts on. Missing parts read as "not supported".
 */
public record ServiceProviderConfig(Supported patch, Bulk bulk, Filter filter, Supported etag) {

    public record Supported(boolean supported) {
    }

    public record Bulk(boolean supported, int maxOperations, long maxPayloadSize) {
    }

    public record Filter(boolean supported, int maxResults) {
    }

    /** The most results the provider returns in one page, or 0 when it names no limit. */
    public int maxResults() {
        return filter != null && filter.maxResults() > 0 ? filter.maxResults() : 0;
    }

    /** Whether the {@code filter} parameter is honoured; false when the provider says no or says nothing. */
    public boolean filterSupported() {
        return filter != null && filter.supported();
    }

    public boolean etagSupported() {
        return etag != null && etag.supported();
    }

    public boolean bulkSupported() {
        return bulk != null && bulk.supported();
    }
}
