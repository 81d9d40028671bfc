package dev.scimsync.emulator;

import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /ServiceProviderConfig} in the scim2 dialect (RFC 7643 §5): PATCH and ETags supported, no bulk, no
 * sort, filters (unless switched off) and pages of at most the configured size. W&amp;B serves no such endpoint.
 */
final class ServiceProviderConfigHandler implements ResourceHandler {

    static final String SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";

    private final String baseUrl;
    private final Listing listing;

    ServiceProviderConfigHandler(String baseUrl, Listing listing) {
        this.baseUrl = baseUrl;
        this.listing = listing;
    }

    @Override
    public ScimResponse handle(ScimRequest request) {
        if (!request.method().equals("GET") || request.id() != null) {
            throw ResourceHandler.methodNotAllowed(request, "GET");
        }
        ObjectNode node = Json.object();
        node.putArray("schemas").add(SCHEMA);
        node.put("documentationUri", "https://datatracker.ietf.org/doc/html/rfc7644");
        node.putObject("patch").put("supported", true);
        node.putObject("bulk").put("supported", false).put("maxOperations", 0).put("maxPayloadSize", 0);
        node.putObject("filter").put("supported", listing.filterSupported())
                .put("maxResults", listing.maxResults());
        node.putObject("changePassword").put("supported", false);
        node.putObject("sort").put("supported", false);
        node.putObject("etag").put("supported", true);
        node.putArray("authenticationSchemes").addObject().put("type", "oauthbearertoken")
                .put("name", "OAuth Bearer Token").put("description", "the API key as a bearer token")
                .put("primary", true);
        node.putObject("meta").put("resourceType", "ServiceProviderConfig")
                .put("location", baseUrl + "/ServiceProviderConfig");
        return ScimResponse.json(200, node);
    }
}
