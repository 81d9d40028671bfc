package dev.scimsync.scim;

/** Schema URNs used in request bodies (RFC 7643/7644 plus the W&B Role schema). */
final class ScimSchemas {

    static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    static final String ROLE = "urn:ietf:params:scim:schemas:core:2.0:Role";
    static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    static final String LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

    private ScimSchemas() {
    }
}
