package dev.scimsync.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A tiny SCIM test client over the JDK's HttpClient: plain HTTP, no project code in between. */
final class ScimHttp {

    static final String SCIM_JSON = "application/scim+json";
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final String baseUrl;
    private final String authorization;

    ScimHttp(String baseUrl, String authorization) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    static ScimHttp bearer(WandbEmulator emulator, String token) {
        return new ScimHttp(emulator.baseUrl(), "Bearer " + token);
    }

    static String basic(String user, String key) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    Reply get(String path) {
        return send("GET", path, null, Map.of());
    }

    Reply post(String path, String json) {
        return send("POST", path, json, Map.of());
    }

    Reply patch(String path, String json) {
        return send("PATCH", path, json, Map.of());
    }

    Reply put(String path, String json) {
        return send("PUT", path, json, Map.of());
    }

    Reply delete(String path) {
        return send("DELETE", path, null, Map.of());
    }

    /** Sends a request; {@code headers} may override Content-Type or Authorization (null value = omit). */
    Reply send(String method, String path, String json, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        String auth = headers.containsKey("Authorization") ? headers.get("Authorization") : authorization;
        if (auth != null) {
            builder.header("Authorization", auth);
        }
        if (json != null && !headers.containsKey("Content-Type")) {
            builder.header("Content-Type", SCIM_JSON);
        }
        headers.forEach((name, value) -> {
            if (value != null && !name.equals("Authorization")) {
                builder.header(name, value);
            }
        });
        try {
            HttpResponse<String> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isEmpty() ? null : MAPPER.readTree(response.body());
            return new Reply(response.statusCode(), response.headers(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Creates a user {@code <userName>@example.com} and returns its id. */
    String createUser(String userName) {
        Reply reply = post("/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s","displayName":"%s",
                 "emails":[{"primary":true,"value":"%s@example.com"}]}""".formatted(userName, userName, userName));
        return reply.expect(201).text("id");
    }

    /** Creates a team with the given member ids (or emails) and returns its id. */
    String createGroup(String name, String... members) {
        StringBuilder list = new StringBuilder();
        for (String member : members) {
            list.append(list.isEmpty() ? "" : ",").append("{\"value\":\"").append(member).append("\"}");
        }
        Reply reply = post("/Groups", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"%s","members":[%s]}"""
                .formatted(name, list));
        return reply.expect(201).text("id");
    }

    /** A PatchOp body with one operation; {@code path} may be null, {@code valueJson} is raw JSON or null. */
    static String patchOp(String op, String path, String valueJson) {
        return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"" + op
                + "\"" + (path == null ? "" : ",\"path\":" + quote(path))
                + (valueJson == null ? "" : ",\"value\":" + valueJson) + "}]}";
    }

    /** A PatchOp body setting one team role of a user. */
    static String teamRole(String team, String role) {
        return patchOp("replace", "teamRoles", "[{\"teamName\":" + quote(team) + ",\"roleName\":" + quote(role) + "}]");
    }

    static String quote(String text) {
        return MAPPER.writeValueAsString(text);
    }

    record Reply(int status, HttpHeaders headers, JsonNode body) {

        Reply expect(int expected) {
            if (status != expected) {
                throw new AssertionError("expected status " + expected + " but was " + status + ": " + body);
            }
            return this;
        }

        String text(String field) {
            return body.get(field).asString();
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        JsonNode resources() {
            return body.get("Resources");
        }
    }
}
