package dev.scimsync.scim;

import static dev.scimsync.scim.RecordingServer.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.scimsync.emulator.EmulatedServiceAccount;
import dev.scimsync.emulator.RecordedRequest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Team service accounts through W&B's GraphQL endpoint, over real HTTP: against the emulator, and against a
 * scripted server for the answers the emulator does not give (errors with HTTP 200, throttling, no answer).
 */
@Timeout(30)
class ServiceAccountsTest {

    private static final String TEAM = "{\"data\":{\"entity\":{\"id\":\"t1\",\"name\":\"research\",\"members\":[%s]}}}";

    @Test
    void aCreatedServiceAccountIsListedWithItsDescriptionAndNeverItsKey() {
        try (Emulated target = Emulated.start("wandb")) {
            target.createGroup("research", target.createUser("alice"));

            String id = target.client.serviceAccounts().create("research", "CI runner");
            List<ServiceAccount> listed = target.client.serviceAccounts().list("research");

            assertThat(listed).containsExactly(new ServiceAccount(id, "CI runner"));
            EmulatedServiceAccount held = target.emulator.serviceAccounts().get(0);
            assertThat(held.apiKey()).isNotBlank();
            List<RecordedRequest> sent = target.emulator.requests().stream()
                    .filter(r -> r.pathAndQuery().equals("/graphql")).toList();
            assertThat(sent).hasSize(2).allSatisfy(r -> {
                assertThat(r.method()).isEqualTo("POST");
                assertThat(r.body()).doesNotContainIgnoringCase("apiKey");
            });
        }
    }

    @Test
    void anUnknownTeamIsAGraphqlErrorNamingIt() {
        try (Emulated target = Emulated.start("wandb")) {
            GraphqlException listing = catchThrowableOfType(GraphqlException.class,
                    () -> target.client.serviceAccounts().list("nowhere"));
            GraphqlException creating = catchThrowableOfType(GraphqlException.class,
                    () -> target.client.serviceAccounts().create("nowhere", "bot"));

            assertThat(listing).hasMessageContaining("/graphql → GraphQL error").hasMessageContaining("nowhere");
            assertThat(creating.status()).isEqualTo(200);
            assertThat(creating.error().scimType()).isEqualTo(GraphqlException.TYPE);
            assertThat(target.emulator.serviceAccounts()).isEmpty();
        }
    }

    @Test
    void aScim2TargetHasNoServiceAccounts() {
        try (ScimClient client = ScimClient.create(ScimTestClients.settings("http://127.0.0.1:9/scim")
                .dialect("scim2").build())) {
            assertThat(catchThrowableOfType(UnsupportedByDialectException.class, client::serviceAccounts))
                    .hasMessageContaining("scim2");
        }
    }

    /** Only members of the service kind, whatever the case the server writes it in. */
    @Test
    void onlyServiceMembersAreServiceAccounts() throws Exception {
        try (RecordingServer server = new RecordingServer(); ScimClient client = ScimTestClients.client(
                server.baseUrl())) {
            server.reply(json(200, TEAM.formatted("""
                    {"id":"u1","name":"Alice","accountType":"USER"},
                    {"id":"s1","name":"CI runner","accountType":"SERVICE"},
                    {"id":"s2","name":"nightly eval","accountType":"service"},
                    {"id":"u2","name":"Bob"},
                    {"id":"s3","name":"  spaced  ","accountType":"Service"}""")));

            assertThat(client.serviceAccounts().list("research")).containsExactly(
                    new ServiceAccount("s1", "CI runner"), new ServiceAccount("s2", "nightly eval"),
                    new ServiceAccount("s3", "  spaced  "));
            assertThat(server.requests()).singleElement().satisfies(r -> {
                assertThat(r.path()).isEqualTo("/graphql");
                assertThat(r.body()).contains("\"operationName\":\"Entity\"").contains("\"name\":\"research\"")
                        .doesNotContainIgnoringCase("apiKey");
                assertThat(r.header("Authorization")).isEqualTo("Bearer " + ScimTestClients.KEY.reveal());
            });
        }
    }

    /** Every shape of a GraphQL error answered with HTTP 200 is a failure carrying the server's messages, sent once. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"errors\":[{\"message\":\"permission denied\"}]}                              | permission denied",
            "{\"data\":null,\"errors\":[{\"message\":\"a\"},{\"message\":\"b\"}]}           | a; b",
            "{\"data\":{\"createServiceAccount\":null},\"errors\":[{\"message\":\"quota\"}]} | quota",
            "{\"errors\":[{\"locations\":[{\"line\":1}]}]}                                  | (no message)",
            "{\"errors\":[{\"message\":\"  padded  \",\"path\":[\"entity\"]}]}              | padded"})
    void graphqlErrorsWithHttp200AreFailures(String body, String detail) throws Exception {
        try (RecordingServer server = new RecordingServer().otherwise(json(200, body));
             ScimClient client = ScimTestClients.client(server.baseUrl())) {
            GraphqlException create = catchThrowableOfType(GraphqlException.class,
                    () -> client.serviceAccounts().create("research", "bot"));
            GraphqlException list = catchThrowableOfType(GraphqlException.class,
                    () -> client.serviceAccounts().list("research"));

            for (GraphqlException e : List.of(create, list)) {
                assertThat(e.status()).isEqualTo(200);
                assertThat(e.detail()).hasValue(detail);
                assertThat(e.getMessage()).isEqualTo("POST " + server.baseUrl().replace("/scim", "/graphql")
                        + " → GraphQL error: " + detail);
            }
            assertThat(server.requests()).as("an error answer is never sent again").hasSize(2);
        }
    }

    /** 429 and 503 say the request was not processed: the same retryer sends even the mutation again. */
    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {429, 503})
    void throttlingIsRetriedHonouringRetryAfter(int status) throws Exception {
        RecordingClock clock = RecordingClock.advancing();
        try (RecordingServer server = new RecordingServer(); ScimClient client = ScimClient.create(
                ScimTestClients.settings(server.baseUrl()).build(), clock.clock())) {
            server.reply(json(status, "{\"detail\":\"slow down\"}", "Retry-After", "3"),
                    json(200, "{\"data\":{\"createServiceAccount\":{\"user\":{\"id\":\"s9\"}}}}"));

            assertThat(client.serviceAccounts().create("research", "bot")).isEqualTo("s9");
            assertThat(clock.sleeps()).containsExactly(Duration.ofSeconds(3));
            assertThat(server.requests()).hasSize(2).allSatisfy(r -> assertThat(r.path()).isEqualTo("/graphql"));
        }
    }

    /** A create that may have been processed is not sent again: the caller looks before it resends. */
    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {500, 502, 504})
    void aCreateWithAnUnknownOutcomeIsSentOnce(int status) throws Exception {
        try (RecordingServer server = new RecordingServer().otherwise(json(status, "{}"));
             ScimClient client = ScimTestClients.client(server.baseUrl())) {
            assertThat(catchThrowableOfType(ScimUnknownOutcomeException.class,
                    () -> client.serviceAccounts().create("research", "bot"))).hasMessageContaining("/graphql");
            assertThat(server.requests()).hasSize(1);
        }
    }

    @Test
    void theRateLimitCountsGraphqlRequestsToo() throws Exception {
        RecordingClock clock = RecordingClock.advancing();
        try (RecordingServer server = new RecordingServer().otherwise(json(200, TEAM.formatted("")));
             ScimClient client = ScimClient.create(ScimTestClients.settings(server.baseUrl()).requestsPerSecond(2)
                     .build(), clock.clock())) {
            client.serviceAccounts().list("research");
            client.users().get("u1");
            client.serviceAccounts().list("research");

            assertThat(clock.sleeps()).containsExactly(Duration.ofMillis(500), Duration.ofMillis(500));
        }
    }

    /** Where the GraphQL endpoint is, from the SCIM base URL, unless the job names it. */
    @ParameterizedTest(name = "{0} → {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "https://wandb.example.com/scim                 | -                              | https://wandb.example.com/graphql",
            "https://wandb.example.com/scim/                | -                              | https://wandb.example.com/graphql",
            "https://api.wandb.ai/scim/v2                   | -                              | https://api.wandb.ai/graphql",
            "https://host:8443/wandb/SCIM/V2                | -                              | https://host:8443/wandb/graphql",
            "http://127.0.0.1:8080/scim                     | -                              | http://127.0.0.1:8080/graphql",
            "https://host/api/scim-proxy                    | -                              | https://host/graphql",
            "https://host/scim                              | https://gql.example.com/api/   | https://gql.example.com/api"})
    void theGraphqlEndpointIsDerivedFromTheScimBase(String base, String given, String expected) {
        assertThat(ScimClientSettings.builder(base, ScimTestClients.KEY).graphqlUrl(given).build().graphqlEndpoint())
                .isEqualTo(expected);
    }
}
