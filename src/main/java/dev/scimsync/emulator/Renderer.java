package dev.scimsync.emulator;

import java.time.Instant;
import tools.jackson.databind.node.ObjectNode;

/** Turns users and groups into the JSON a dialect answers with. */
interface Renderer {

    String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
    String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";

    ObjectNode user(UserView view);

    ObjectNode group(TeamView view);

    static Renderer forDialect(EmulatorDialect dialect, String baseUrl) {
        return dialect.isWandb() ? new WandbRenderer() : new Scim2Renderer(baseUrl);
    }

    static void meta(ObjectNode resource, String type, Instant created, Instant lastModified, String location,
            long version) {
        ObjectNode meta = resource.putObject("meta");
        meta.put("resourceType", type);
        meta.put("created", created.toString());
        meta.put("lastModified", lastModified.toString());
        meta.put("location", location);
        meta.put("version", Etags.of(version));
    }
}
