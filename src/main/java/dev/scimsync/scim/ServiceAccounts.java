package dev.scimsync.scim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A team's service accounts, through W&amp;B's GraphQL API as the Python SDK reaches them ({@code Team} load,
 * {@code Team.create_service_account}): SCIM has no call for them. The requests go through the SCIM client's own
 * stack (auth, rate limit, retryer, error decoding). No query asks for {@code apiKey}: a key never reaches this
 * process, so it can never reach a log, a report or the state database.
 */
public final class ServiceAccounts {

    /** The SDK's team query, without {@code apiKey} and the fields scim-sync does not read. */
    static final String TEAM_QUERY = "query Entity($name: String!) { entity(name: $name) { id name"
            + " members { id username name accountType } } }";

    /** The SDK's {@code Team.create_service_account}; {@code entityName} is the team's name. */
    static final String CREATE_MUTATION = "mutation CreateServiceAccount($entityName: String!, $description:"
            + " String!) { createServiceAccount(input: {description: $description, entityName: $entityName})"
            + " { user { id } } }";

    /** The {@code accountType} of a service account, in any case. */
    static final String SERVICE = "SERVICE";

    private final GraphqlApi api;
    private final String url;

    ServiceAccounts(GraphqlApi api, String url) {
        this.api = api;
        this.url = url;
    }

    /**
     * The service accounts of a team, in the order the team lists its members.
     *
     * @throws GraphqlException when the server answers with errors, or knows no team of that name
     */
    public List<ServiceAccount> list(String team) {
        JsonNode data = api.post(new GraphqlRequest("Entity", TEAM_QUERY, Map.of("name", team))).data();
        JsonNode entity = data == null ? null : data.get("entity");
        if (entity == null || entity.isNull()) {
            throw new GraphqlException("no team named '" + team + "'", url);
        }
        List<ServiceAccount> accounts = new ArrayList<>();
        JsonNode members = entity.get("members");
        if (members != null && members.isArray()) {
            for (JsonNode member : members) {
                if (SERVICE.equals(text(member, "accountType").toUpperCase(Locale.ROOT))) {
                    accounts.add(new ServiceAccount(text(member, "id"), text(member, "name")));
                }
            }
        }
        return accounts;
    }

    /**
     * Creates a service account in a team. Sent once: a POST that got no answer, or a 500, surfaces as
     * {@link ScimUnknownOutcomeException}, and the caller lists the team before it sends again.
     *
     * @return the new account's user id, or null when the answer does not name one
     * @throws GraphqlException when the server answers with errors
     */
    public String create(String team, String description) {
        JsonNode data = api.post(new GraphqlRequest("CreateServiceAccount", CREATE_MUTATION,
                Map.of("entityName", team, "description", description))).data();
        JsonNode id = data == null ? null : data.path("createServiceAccount").path("user").get("id");
        return id == null || id.isNull() ? null : id.asString();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asString();
    }
}
