package dev.scimsync.job;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import de.captaingoldfish.scim.sdk.common.constants.enums.HttpMethod;
import de.captaingoldfish.scim.sdk.common.constants.enums.SortOrder;
import de.captaingoldfish.scim.sdk.common.exceptions.ResourceNotFoundException;
import de.captaingoldfish.scim.sdk.common.resources.Group;
import de.captaingoldfish.scim.sdk.common.resources.ResourceNode;
import de.captaingoldfish.scim.sdk.common.resources.ServiceProvider;
import de.captaingoldfish.scim.sdk.common.resources.User;
import de.captaingoldfish.scim.sdk.common.resources.complex.ETagConfig;
import de.captaingoldfish.scim.sdk.common.resources.complex.FilterConfig;
import de.captaingoldfish.scim.sdk.common.resources.complex.Meta;
import de.captaingoldfish.scim.sdk.common.resources.complex.PatchConfig;
import de.captaingoldfish.scim.sdk.common.response.ScimResponse;
import de.captaingoldfish.scim.sdk.common.schemas.SchemaAttribute;
import de.captaingoldfish.scim.sdk.server.endpoints.Context;
import de.captaingoldfish.scim.sdk.server.endpoints.ResourceEndpoint;
import de.captaingoldfish.scim.sdk.server.endpoints.ResourceHandler;
import de.captaingoldfish.scim.sdk.server.endpoints.authorize.Authorization;
import de.captaingoldfish.scim.sdk.server.endpoints.base.GroupEndpointDefinition;
import de.captaingoldfish.scim.sdk.server.endpoints.base.UserEndpointDefinition;
import de.captaingoldfish.scim.sdk.server.filter.FilterNode;
import de.captaingoldfish.scim.sdk.server.response.PartialListResponse;
import de.captaingoldfish.scim.sdk.server.schemas.ResourceType;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An independent SCIM 2.0 service provider: Captain-P-Goldfish's SCIM SDK parses, validates (against RFC 7643's
 * schemas: unknown attributes and PATCH paths are refused), filters, pages, patches and versions (ETags, If-Match)
 * every request. The only code here is what the SDK leaves to its user: storage in memory and an HTTP listener.
 */
final class ScimSdkServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final ResourceEndpoint endpoint;
    private final String token;

    /** @param maxResults the most resources one list answer holds, as the server announces it */
    ScimSdkServer(String token, int maxResults) throws IOException {
        this.token = token;
        ServiceProvider provider = ServiceProvider.builder()
                .filterConfig(FilterConfig.builder().supported(true).maxResults(maxResults).build())
                .patchConfig(PatchConfig.builder().supported(true).build())
                .eTagConfig(ETagConfig.builder().supported(true).build())
                .build();
        endpoint = new ResourceEndpoint(provider);
        ResourceType users = endpoint.registerEndpoint(new UserEndpointDefinition(new Users()));
        ResourceType groups = endpoint.registerEndpoint(new GroupEndpointDefinition(new Groups()));
        for (ResourceType type : List.of(users, groups)) {
            type.getFeatures().setAutoFiltering(true);
            type.getFeatures().setAutoSorting(true);
        }
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/scim/v2", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/scim/v2";
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
            String url = baseUrl() + exchange.getRequestURI().getRawPath().substring("/scim/v2".length())
                    + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery());
            ScimResponse response = endpoint.handleRequest(url, HttpMethod.valueOf(exchange.getRequestMethod()),
                    body.isEmpty() ? null : body, headers, new Context(new BearerToken(token)));
            response.getHttpHeaders().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] answer = response.getHttpStatus() == 204 ? new byte[0]
                    : response.toString().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(response.getHttpStatus(), answer.length == 0 ? -1 : answer.length);
            if (answer.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    /** Accepts the one bearer token the server was started with. */
    private record BearerToken(String token) implements Authorization {

        @Override
        public Set<String> getClientRoles() {
            return Set.of();
        }

        @Override
        public boolean authenticate(Map<String, String> headers, Map<String, String> query) {
            return headers.entrySet().stream().anyMatch(h -> h.getKey().equalsIgnoreCase("Authorization")
                    && ("Bearer " + token).equals(h.getValue()));
        }
    }

    /** The SDK finds a handler's resource type from its class's type argument: one subclass per type. */
    private static final class Users extends InMemory<User> {
        Users() {
            super(User.class);
        }
    }

    private static final class Groups extends InMemory<Group> {
        Groups() {
            super(Group.class);
        }
    }

    /** Storage only: the SDK filters, sorts and pages what {@link #listResources} returns (auto-filtering). */
    private abstract static class InMemory<T extends ResourceNode> extends ResourceHandler<T> {

        private final Map<String, T> items = new ConcurrentHashMap<>();
        private final Class<T> type;

        InMemory(Class<T> type) {
            this.type = type;
        }

        @Override
        public T createResource(T resource, Context context) {
            String id = UUID.randomUUID().toString();
            resource.setId(id);
            Instant now = Instant.now();
            stamp(resource, now, now);
            items.put(id, resource);
            return resource;
        }

        @Override
        public T getResource(String id, List<SchemaAttribute> attributes, List<SchemaAttribute> excluded,
                             Context context) {
            return items.get(id);
        }

        @Override
        public PartialListResponse<T> listResources(long startIndex, int count, FilterNode filter,
                                                    SchemaAttribute sortBy, SortOrder sortOrder,
                                                    List<SchemaAttribute> attributes,
                                                    List<SchemaAttribute> excluded, Context context) {
            List<T> all = new ArrayList<>(items.values());
            return PartialListResponse.<T>builder().resources(all).totalResults(all.size()).build();
        }

        @Override
        public T updateResource(T resource, Context context) {
            String id = resource.getId().orElseThrow();
            T old = items.get(id);
            if (old == null) {
                throw new ResourceNotFoundException("no resource " + id);
            }
            stamp(resource, old.getMeta().flatMap(Meta::getCreated).orElseGet(Instant::now),
                    Instant.now());
            items.put(id, resource);
            return resource;
        }

        private void stamp(T resource, Instant created, Instant modified) {
            Meta meta = resource.getMeta().orElse(null);
            if (meta == null) {
                resource.setMeta(Meta.builder().resourceType(type.getSimpleName()).created(created)
                        .lastModified(modified).build());
            } else {
                meta.setResourceType(type.getSimpleName());
                meta.setCreated(created);
                meta.setLastModified(modified);
            }
        }

        @Override
        public void deleteResource(String id, Context context) {
            if (items.remove(id) == null) {
                throw new ResourceNotFoundException("no resource " + id);
            }
        }
    }
}
