package dev.scimsync.scim;

import feign.Headers;
import feign.RequestLine;

/** {@code /ServiceProviderConfig} (RFC 7644 §4), read once per client where the dialect has one. */
@Headers("Accept: application/scim+json, application/json")
interface ServiceProviderConfigApi {

    @RequestLine("GET /ServiceProviderConfig")
    ServiceProviderConfig get();
}
