package dev.scimsync.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** {@code /graphql}: exactly the SDK's team query and service-account mutation; every error an HTTP 200. */
@Timeout(30)
class GraphqlTest extends EmulatorTestBase {

    private static final String ENTITY = "query Entity($name: String!) { entity(name: $name) { id name"
            + " members { id username name accountType%s } } }";
    private static final String CREATE = "mutation CreateServiceAccount($entityName: String!, $description:"
            + " String!) { createServiceAccount(input: {description: $description, entityName: $entityName})"
            + " { user { id } } }";

    private ScimHttp graphql;

    GraphqlTest() {
        super("gql-key");
    }

    @BeforeEach
    void team() {
        http.createGroup("research", http.createUser("alice"));
        graphql = new ScimHttp(emulator.baseUrl().replaceFirst("/scim$", ""), "Bearer gql-key");
    }

    @Test
    void aCreatedServiceAccountIsAMemberOfTheServiceKindWithItsDescriptionAsName() {
        JsonNode created = post(CREATE, Map.of("entityName", "research", "description", "CI runner"));
        String id = created.path("data").path("createServiceAccount").path("user").path("id").stringValue();

        JsonNode members = post(ENTITY.formatted(""), Map.of("name", "RESEARCH")).path("data").path("entity")
                .path("members");
        assertThat(members).hasSize(2);
        assertThat(members.get(0).path("accountType").stringValue()).isEqualTo("USER");
        assertThat(members.get(1).path("id").stringValue()).isEqualTo(id);
        assertThat(members.get(1).path("name").stringValue()).isEqualTo("CI runner");
        assertThat(members.get(1).path("accountType").stringValue()).isEqualTo("SERVICE");
        assertThat(members.get(1).has("apiKey")).as("not asked for").isFalse();
        assertThat(emulator.serviceAccounts()).singleElement().satisfies(a -> {
            assertThat(a.team()).isEqualTo("research");
            assertThat(a.apiKey()).matches("[0-9a-f]{40}");
        });
    }

    /**
     * The Python SDK's own texts, laid out as it sends them (wandb/apis/public/teams.py: {@code Team.TEAM_QUERY}, the
     * member fields of the W&amp;B docs, and {@code CREATE_SERVICE_ACCOUNT_MUTATION}): the emulator answers what the
     * real client sends, not only what scim-sync sends.
     */
    @Test
    void theSdksOwnQueryAndMutationAreAnswered() {
        String sdkCreate = """
                mutation CreateServiceAccount($entityName: String!, $description: String!) {
                    createServiceAccount(
                        input: {description: $description, entityName: $entityName}
                    ) {
                        user {
                            id
                        }
                    }
                }
                """;
        String sdkTeam = """
                query Entity($name: String!) {
                    entity(name: $name) {
                        id
                        name
                        members {
                            id
                            admin
                            pending
                            email
                            username
                            name
                            accountType
                            apiKey
                        }
                    }
                }
                """;

        String id = post(sdkCreate, Map.of("entityName", "research", "description", "sdk bot")).path("data")
                .path("createServiceAccount").path("user").path("id").stringValue();
        JsonNode members = post(sdkTeam, Map.of("name", "research")).path("data").path("entity").path("members");

        assertThat(id).isNotBlank();
        assertThat(members.get(members.size() - 1).path("id").stringValue()).isEqualTo(id);
        assertThat(members.get(members.size() - 1).path("accountType").stringValue()).isEqualTo("SERVICE");
    }

    @Test
    void theKeyIsAnsweredOnlyToAQueryThatAsksForIt() {
        post(CREATE, Map.of("entityName", "research", "description", "bot"));

        JsonNode members = post(ENTITY.formatted(" apiKey"), Map.of("name", "research")).path("data")
                .path("entity").path("members");
        assertThat(members.get(1).path("apiKey").stringValue()).isEqualTo(emulator.serviceAccounts().get(0).apiKey());
    }

    @Test
    void anUnknownTeamIsAnErrorWithHttp200() {
        for (JsonNode answer : new JsonNode[] {post(ENTITY.formatted(""), Map.of("name", "nowhere")),
                post(CREATE, Map.of("entityName", "nowhere", "description", "bot"))}) {
            assertThat(answer.path("errors").get(0).path("message").stringValue()).contains("nowhere");
            assertThat(answer.path("data").isNull()).isTrue();
        }
        assertThat(emulator.serviceAccounts()).isEmpty();
    }

    /** Anything but the two operations, well-formed or not, is an error with HTTP 200, and changes nothing. */
    @ParameterizedTest
    @ValueSource(strings = {
            "{\"query\":\"mutation DeleteInvite($id: String, $entityName: String) { deleteInvite(input: {id: $id,"
                    + " entityName: $entityName}) { success } }\",\"variables\":{\"entityName\":\"research\"}}",
            "{\"query\":\"query Viewer { viewer { id apiKey } }\"}",
            "{\"query\":\"{ entity(name: \\\"research\\\") { id } }\"}",
            "{\"query\":\"query Entity($name: String!) { project(name: $name) { id } }\",\"variables\":{\"name\":\"x\"}}",
            "{\"query\":\"mutation CreateServiceAccount { createServiceAccount(input: {}) { user { id } } }\"}",
            "{\"query\":\"query Entity($name: String!) { entity(name: $name) { id } }\",\"variables\":{\"name\":7}}",
            "{\"query\":42}",
            "{\"variables\":{}}",
            "[]",
            "not json",
            ""})
    void anythingElseIsAnErrorWithHttp200(String body) {
        ScimHttp.Reply reply = graphql.send("POST", "/graphql", body, Map.of("Content-Type", "application/json"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().path("errors").get(0).path("message").stringValue()).isNotBlank();
        assertThat(emulator.serviceAccounts()).isEmpty();
    }

    @Test
    void theKeyAndTheFaultsOfScimApplyToGraphqlToo() {
        ScimHttp.Reply anonymous = new ScimHttp(emulator.baseUrl().replaceFirst("/scim$", ""), null)
                .send("POST", "/graphql", "{}", Map.of());
        assertThat(anonymous.status()).isEqualTo(401);
        try (WandbEmulator throttled = WandbEmulator.start(EmulatorOptions.of("k").withThrottleRate(1.0))) {
            ScimHttp.Reply reply = new ScimHttp(throttled.baseUrl().replaceFirst("/scim$", ""), "Bearer k")
                    .send("POST", "/graphql", "{}", Map.of());
            assertThat(reply.status()).isEqualTo(429);
        }
    }

    @Test
    void aPlainScim2ServerHasNoGraphqlEndpoint() {
        try (WandbEmulator scim2 = WandbEmulator.start(EmulatorOptions.of("k").withDialect(EmulatorDialect.SCIM2))) {
            ScimHttp.Reply reply = new ScimHttp(scim2.baseUrl().replaceFirst("/scim$", ""), "Bearer k")
                    .send("POST", "/graphql", "{\"query\":\"" + CREATE + "\"}", Map.of());
            assertThat(reply.status()).isEqualTo(404);
        }
    }

    private JsonNode post(String query, Map<String, Object> variables) {
        String body = tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(
                Map.of("query", query, "variables", variables));
        ScimHttp.Reply reply = graphql.send("POST", "/graphql", body, Map.of("Content-Type", "application/json"));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).isEqualTo("application/json");
        return reply.body();
    }
}
