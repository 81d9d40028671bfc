package dev.scimsync.emulator;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code POST /graphql}: exactly the two operations W&amp;B's Python SDK sends for team service accounts, told apart
 * by operation name and shape. The team query ({@code query Entity($name)}, field {@code entity}) lists a team's
 * members, users ({@code accountType: USER}) and service accounts ({@code SERVICE}, their description as
 * {@code name}); the mutation {@code CreateServiceAccount($entityName, $description)} adds a service account with a
 * new API key. As on W&amp;B, every error is an {@code errors} array with HTTP 200: any other operation, a missing
 * variable, an unknown team. A member's {@code apiKey} is answered only when the query text asks for it.
 */
final class GraphqlHandler {

    private static final Pattern OPERATION = Pattern.compile("^\\s*(query|mutation)\\s+([A-Za-z_][A-Za-z0-9_]*)");
    /** The fields, in whatever layout a client sends them: the SDK breaks its lines inside the parentheses. */
    private static final Pattern ENTITY_FIELD = Pattern.compile("\\bentity\\s*\\(\\s*name\\s*:\\s*\\$name\\s*\\)");
    private static final Pattern CREATE_FIELD = Pattern.compile("\\bcreateServiceAccount\\s*\\(\\s*input\\s*:");
    private static final Pattern API_KEY = Pattern.compile("\\bapiKey\\b");

    private final OrgStore store;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    GraphqlHandler(OrgStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    ScimResponse handle(String method, byte[] body) {
        if (!"POST".equals(method)) {
            return error("GraphQL requests are POSTed");
        }
        JsonNode request;
        try {
            request = Json.parseObject(body);
        } catch (ScimException e) {
            return error("the body must be a JSON object with a query");
        }
        String query = request.path("query").isString() ? request.path("query").stringValue() : "";
        JsonNode variables = request.path("variables");
        Matcher operation = OPERATION.matcher(query);
        String kind = operation.find() ? operation.group(1) : "";
        String name = kind.isEmpty() ? "" : operation.group(2);
        if (kind.equals("query") && name.equals("Entity") && ENTITY_FIELD.matcher(query).find()) {
            return entity(variable(variables, "name"), API_KEY.matcher(query).find());
        }
        if (kind.equals("mutation") && name.equals("CreateServiceAccount")
                && CREATE_FIELD.matcher(query).find()) {
            return create(variable(variables, "entityName"), variable(variables, "description"));
        }
        return error("unsupported operation: the emulator answers only the Entity query and the"
                + " CreateServiceAccount mutation");
    }

    private ScimResponse entity(String teamName, boolean withKeys) {
        if (teamName == null) {
            return error("Variable \"$name\" of required type \"String!\" was not provided.");
        }
        return store.read(org -> {
            Team team = org.teamByName(teamName);
            if (team == null) {
                return error("entity " + teamName + " not found");
            }
            ObjectNode entity = Json.object();
            entity.put("id", team.id());
            entity.put("name", team.name());
            ArrayNode members = entity.putArray("members");
            for (String userId : team.members().keySet()) {
                User user = org.findUser(userId);
                if (user == null) {
                    continue;
                }
                ObjectNode member = members.addObject();
                member.put("id", user.id());
                member.put("admin", "admin".equals(team.members().get(userId)));
                member.put("pending", false);
                member.put("email", user.email());
                member.put("username", user.userName());
                member.put("name", user.displayName());
                member.put("accountType", "USER");
                if (withKeys) {
                    member.putNull("apiKey");
                }
            }
            for (ServiceAccount account : org.serviceAccounts(team.id())) {
                ObjectNode member = members.addObject();
                member.put("id", account.id());
                member.put("admin", false);
                member.put("pending", false);
                member.putNull("email");
                member.put("username", "sa-" + account.id().substring(0, 8));
                member.put("name", account.description());
                member.put("accountType", "SERVICE");
                if (withKeys) {
                    member.put("apiKey", account.apiKey());
                }
            }
            ObjectNode data = Json.object();
            data.set("entity", entity);
            return data(data);
        });
    }

    private ScimResponse create(String teamName, String description) {
        if (teamName == null || description == null) {
            return error("Variables \"$entityName\" and \"$description\" of required type \"String!\" must be"
                    + " provided.");
        }
        byte[] key = new byte[20];
        random.nextBytes(key);
        return store.write(org -> {
            Team team = org.teamByName(teamName);
            if (team == null) {
                return error("entity " + teamName + " not found");
            }
            ServiceAccount account = new ServiceAccount(Org.newId(), team.id(), description,
                    HexFormat.of().formatHex(key), clock.instant());
            org.addServiceAccount(account);
            ObjectNode data = Json.object();
            data.putObject("createServiceAccount").putObject("user").put("id", account.id());
            return data(data);
        });
    }

    private static String variable(JsonNode variables, String name) {
        JsonNode value = variables == null ? null : variables.get(name);
        return value != null && value.isString() ? value.stringValue() : null;
    }

    private static ScimResponse data(ObjectNode data) {
        ObjectNode body = Json.object();
        body.set("data", data);
        return json(body);
    }

    /** A GraphQL error: HTTP 200, {@code data: null} and the message in {@code errors}. */
    private static ScimResponse error(String message) {
        ObjectNode body = Json.object();
        body.putNull("data");
        body.putArray("errors").addObject().put("message", message);
        return json(body);
    }

    private static ScimResponse json(ObjectNode body) {
        return new ScimResponse(200, Json.bytes(body), java.util.Map.of("Content-Type", "application/json"));
    }
}
