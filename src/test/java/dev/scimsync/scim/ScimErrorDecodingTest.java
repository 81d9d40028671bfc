package dev.scimsync.scim;

import static dev.scimsync.scim.RecordingServer.json;
import static dev.scimsync.scim.RecordingServer.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Error responses over real HTTP map to typed exceptions carrying the SCIM error body. */
class ScimErrorDecodingTest {

    private RecordingServer server;
    private ScimClient client;

    @BeforeEach
    void start() throws Exception {
        server = new RecordingServer();
        client = ScimTestClients.client(server.baseUrl());
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private static String error(int status, String scimType, String detail) {
        return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"detail\":\"" + detail
                + "\",\"status\":\"" + status + "\"" + (scimType == null ? "" : ",\"scimType\":\"" + scimType + "\"")
                + "}";
    }

    @Test
    void conflictCarriesTheScimErrorAndNamesTheRequest() {
        server.reply(json(409, error(409, "uniqueness", "User already exists")));

        ScimConflictException e = catchThrowableOfType(ScimConflictException.class,
                () -> client.users().create(ScimUser.newUser("u", "U", "u@x.com")));

        assertThat(e.getMessage()).isEqualTo("POST /Users → 409 uniqueness: User already exists");
        assertThat(e.status()).isEqualTo(409);
        assertThat(e.error().status()).isEqualTo("409");
        assertThat(e.error().scimType()).isEqualTo("uniqueness");
        assertThat(e.detail()).contains("User already exists");
        assertThat(e.method()).isEqualTo("POST");
        assertThat(e.url()).isEqualTo(server.baseUrl() + "/Users");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void notFound() {
        server.reply(json(404, error(404, null, "User not found")));

        ScimNotFoundException e = catchThrowableOfType(ScimNotFoundException.class,
                () -> client.users().get("nope"));

        assertThat(e.getMessage()).isEqualTo("GET /Users/nope → 404: User not found");
    }

    @Test
    void preconditionFailedOnStaleIfMatchIsSentWithTheHeader() {
        server.reply(json(412, error(412, null, "version mismatch")));

        ScimPreconditionFailedException e = catchThrowableOfType(ScimPreconditionFailedException.class,
                () -> client.groups().patch("g1", PatchRequest.addMembers(List.of("u1")), "W/\"1\""));

        assertThat(e.status()).isEqualTo(412);
        assertThat(e.detail()).contains("version mismatch");
        assertThat(server.requests().get(0).header("If-Match")).isEqualTo("W/\"1\"");
    }

    @Test
    void unauthorizedNamesTheKeyProblem() {
        server.reply(json(401, error(401, null, "Unauthorized")));

        ScimAuthException e = catchThrowableOfType(ScimAuthException.class, () -> client.users().list(null, 1, 10));

        assertThat(e.status()).isEqualTo(401);
        assertThat(e.getMessage()).contains("401").contains("API key is missing or invalid");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void forbiddenSaysTheKeyLacksAdminRights() {
        server.reply(status(403));

        ScimAuthException e = catchThrowableOfType(ScimAuthException.class, () -> client.groups().get("g"));

        assertThat(e.getMessage()).contains("403").contains("lacks admin rights");
        assertThat(e.detail()).isEmpty();
    }

    @Test
    void otherClientErrorIsRejectedAndNotRetried() {
        server.reply(json(400, error(400, "invalidValue", "roleName is not valid")));

        ScimRejectedException e = catchThrowableOfType(ScimRejectedException.class,
                () -> client.users().patch("u1", PatchRequest.replace("organizationRole", "boss")));

        assertThat(e.getMessage()).isEqualTo("PATCH /Users/u1 → 400 invalidValue: roleName is not valid");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void bodyThatIsNotJsonBecomesTheDetail() {
        server.reply(json(400, "<html>Bad gateway config</html>"));

        ScimRejectedException e = catchThrowableOfType(ScimRejectedException.class, () -> client.users().get("u"));

        assertThat(e.detail()).contains("<html>Bad gateway config</html>");
    }

    @Test
    void missingIfMatchAndNullQueryParametersAreLeftOut() {
        server.reply(json(200, "{\"Resources\":[],\"totalResults\":0}"), status(204));

        client.users().list(null, null, null);
        client.users().delete("u1");

        assertThat(server.requests().get(0).rawQuery()).isNull();
        assertThat(server.requests().get(1).method()).isEqualTo("DELETE");
        assertThat(server.requests().get(1).header("If-Match")).isNull();
    }

    @Test
    void sendsScimContentTypeAndAccept() {
        server.reply(json(201, "{\"id\":\"u1\",\"userName\":\"u\"}"));

        ScimUser created = client.users().create(ScimUser.newUser("u", "U", "u@x.com"));

        RecordingServer.Recorded request = server.requests().get(0);
        assertThat(created.id()).isEqualTo("u1");
        assertThat(request.header("Content-Type")).startsWith("application/scim+json");
        assertThat(request.header("Accept")).isEqualTo("application/scim+json, application/json");
        assertThat(request.body()).contains("\"userName\":\"u\"");
    }

    @Test
    void patchAnsweredWith204DecodesToNull() {
        server.reply(status(204));

        assertThat(client.users().patch("u1", PatchRequest.replaceActive(true))).isNull();
        assertThat(server.requests().get(0).method()).isEqualTo("PATCH");
    }

    @Test
    void unreadableSuccessBodyIsStillATypedException() {
        server.reply(json(200, "{\"id\": oops"), json(201, "not json"));

        ScimException get = catchThrowableOfType(ScimException.class, () -> client.users().get("u1"));
        ScimUnknownOutcomeException post = catchThrowableOfType(ScimUnknownOutcomeException.class,
                () -> client.users().create(ScimUser.newUser("u", "U", "u@x.com")));

        assertThat(get.getMessage()).startsWith("GET /Users/u1 → 200, but the response could not be read");
        assertThat(post.status()).isEqualTo(201);
        assertThat(post.getMessage()).contains("outcome is unknown");
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void connectionLostWhileReadingTheBodyIsATypedException() {
        server.reply(exchange -> {
            exchange.sendResponseHeaders(200, 1000);
            exchange.getResponseBody().write("{\"id\":".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            exchange.getResponseBody().flush();
            throw new java.io.IOException("server gives up mid-body");
        });

        ScimException e = catchThrowableOfType(ScimException.class, () -> client.groups().get("g1"));

        assertThat(e.getMessage()).startsWith("GET /Groups/g1 → 200, but the response could not be read");
    }

    @Test
    void filterValuesAreEncodedSoThatPlusAndQuotesSurvive() {
        server.reply(json(200, "{\"Resources\":[],\"totalResults\":0}"));

        client.findUserByEmail("a+b@x.com");

        assertThat(server.requests().get(0).query("filter")).isEqualTo("emails.value eq \"a+b@x.com\"");
    }
}
