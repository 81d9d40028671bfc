package dev.scimsync.scim;

import feign.RequestInterceptor;
import feign.RequestTemplate;

/** Sets {@code Authorization} on every attempt. The value is computed once and never logged. */
final class AuthInterceptor implements RequestInterceptor {

    private static final String AUTHORIZATION = "Authorization";

    private final String headerValue;

    AuthInterceptor(AuthScheme scheme, String username, ApiKey key) {
        this.headerValue = scheme.headerValue(username, key);
    }

    @Override
    public void apply(RequestTemplate template) {
        template.removeHeader(AUTHORIZATION);
        template.header(AUTHORIZATION, headerValue);
    }

    @Override
    public String toString() {
        return "AuthInterceptor[****]";
    }
}
