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

    /** A user's attributes that every dialect renders alike: schemas, id, userName, displayName. */
    static ObjectNode commonUser(User user) {
        ObjectNode node = Json.object();
        node.putArray("schemas").add(USER_SCHEMA);
        node.put("id", user.id());
        node.put("userName", user.userName());
        if (user.displayName() != null) {
            node.put("displayName", user.displayName());
        }
        return node;
    }

    /** A group's attributes that every dialect renders alike: schemas, id, displayName. */
    static ObjectNode commonGroup(Team team) {
        ObjectNode node = Json.object();
        node.putArray("schemas").add(GROUP_SCHEMA);
        node.put("id", team.id());
        node.put("displayName", team.name());
        return node;
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
