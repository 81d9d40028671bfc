package dev.scimsync.scim;

/** Schema URNs used in request bodies (RFC 7643/7644 plus the W&B Role schema). */
public final class ScimSchemas {

    public static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    public static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    public static final String ROLE = "urn:ietf:params:scim:schemas:core:2.0:Role";
    public static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    public static final String LIST_RESPONSE = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
    public static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

    private ScimSchemas() {
    }
}
