package dev.scimsync.emulator;

import java.util.Map;

/** Answers the requests for one resource type ({@code /Users}, {@code /Groups} or {@code /Roles}). */
interface ResourceHandler {

    ScimResponse handle(ScimRequest request);

    /** 405 with an {@code Allow} header listing what the path supports. */
    static ScimException methodNotAllowed(ScimRequest request, String allowed) {
        return new ScimException(405, null, "method " + request.method() + " is not allowed here; allowed: "
                + allowed, Map.of("Allow", allowed));
    }
}
