package dev.scimsync.emulator;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * {@code /Roles} (W&amp;B custom roles): list, create, read, PATCH permissions, PUT (keeps the custom permissions)
 * and DELETE, after which every team member who held the role falls back to the role it inherited from.
 */
final class RolesHandler implements ResourceHandler {

    private static final Map<String, Function<Role, String>> FILTERABLE = Map.of("name", Role::name, "id", Role::id);

    private final OrgStore store;
    private final Clock clock;
    private final Listing listing;

    RolesHandler(OrgStore store, Clock clock, Listing listing) {
        this.store = store;
        this.listing = listing;
        this.clock = clock;
    }

    @Override
    public ScimResponse handle(ScimRequest request) {
        String method = request.method();
        if (request.id() == null) {
            return switch (method) {
                case "GET" -> list(request);
                case "POST" -> create(request.body());
                default -> throw ResourceHandler.methodNotAllowed(request, "GET, POST");
            };
        }
        return switch (method) {
            case "GET" -> single(200, store.read(org -> org.role(request.id())));
            case "PATCH", "PUT" -> update(request);
            case "DELETE" -> delete(request);
            default -> throw ResourceHandler.methodNotAllowed(request, "GET, PATCH, PUT, DELETE");
        };
    }

    private ScimResponse list(ScimRequest request) {
        Predicate<Role> filter = listing.filter(request, FILTERABLE);
        Page page = listing.page(request);
        Page.Selection<Role> selection = store.read(org -> page.select(org.roles(), filter));
        return ScimResponse.json(200, page.render(selection.total(),
                selection.items().stream().map(RoleRenderer::role).map(Json::bytes).toList()));
    }

    private ScimResponse create(JsonNode body) {
        Instant now = now();
        return single(201, store.write(org -> new RoleDraft(null).replaceAll(body, true).commit(org, now)));
    }

    private ScimResponse update(ScimRequest request) {
        JsonNode body = request.body();
        List<PatchOp> ops = request.method().equals("PATCH") ? PatchOp.parse(body) : List.of();
        Instant now = now();
        return single(200, store.write(org -> {
            Role role = org.role(request.id());
            request.requireMatch(role.version());
            RoleDraft draft = new RoleDraft(role);
            if (request.method().equals("PUT")) {
                draft.replaceAll(body, false);
            } else {
                ops.forEach(draft::apply);
            }
            return draft.commit(org, now);
        }));
    }

    private ScimResponse delete(ScimRequest request) {
        Instant now = now();
        store.write(org -> {
            Role role = org.role(request.id());
            request.requireMatch(role.version());
            for (Team team : List.copyOf(org.teams())) {
                Map<String, String> members = new LinkedHashMap<>(team.members());
                members.replaceAll((userId, key) -> key.equals(role.id()) ? role.inheritedFrom() : key);
                if (!members.equals(team.members())) {
                    org.putTeam(team.withMembers(members));
                    team.members().forEach((userId, key) -> {
                        if (key.equals(role.id())) {
                            org.touchUser(userId, now);
                        }
                    });
                }
            }
            org.removeRole(role.id());
            return null;
        });
        return ScimResponse.noContent();
    }

    private ScimResponse single(int status, Role role) {
        return ScimResponse.resource(status, RoleRenderer.role(role), role.version());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
