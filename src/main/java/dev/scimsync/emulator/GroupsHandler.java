package dev.scimsync.emulator;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * {@code /Groups} (W&amp;B teams): list, create, read, PATCH, PUT, and DELETE, which removes the team (its members
 * stay in the organisation). W&amp;B's docs say its Group API removes teams, though its API reference lists no DELETE:
 * a server modelled without it answers 405.
 */
final class GroupsHandler implements ResourceHandler {

    private static final Map<String, Function<Team, String>> FILTERABLE =
            Map.of("displayname", Team::name, "id", Team::id);

    private final EmulatorDialect dialect;
    private final OrgStore store;
    private final Renderer renderer;
    private final Clock clock;
    private final Listing listing;
    private final boolean deleteSupported;

    /** @param deleteSupported false for a server without DELETE: it answers 405 */
    GroupsHandler(EmulatorDialect dialect, OrgStore store, Renderer renderer, Clock clock, Listing listing,
                  boolean deleteSupported) {
        this.dialect = dialect;
        this.deleteSupported = deleteSupported;
        this.listing = listing;
        this.store = store;
        this.renderer = renderer;
        this.clock = clock;
    }

    @Override
    public ScimResponse handle(ScimRequest request) {
        String method = request.method();
        if (request.id() == null) {
            return switch (method) {
                case "GET" -> list(request);
                case "POST" -> create(request);
                default -> throw ResourceHandler.methodNotAllowed(request, "GET, POST");
            };
        }
        return switch (method) {
            case "GET" -> single(200, store.read(org -> org.view(org.team(request.id()))));
            case "PATCH", "PUT" -> update(request);
            case "DELETE" -> {
                if (!deleteSupported) {
                    throw ResourceHandler.methodNotAllowed(request, "GET, PATCH, PUT");
                }
                yield delete(request);
            }
            default -> throw ResourceHandler.methodNotAllowed(request, deleteSupported ? "GET, PATCH, PUT, DELETE"
                    : "GET, PATCH, PUT");
        };
    }

    private ScimResponse list(ScimRequest request) {
        Predicate<Team> filter = listing.filter(request, FILTERABLE);
        Page page = listing.page(request);
        Page.Selection<TeamView> selection = store.read(org -> {
            Page.Selection<Team> teams = page.select(org.teams(), filter);
            return new Page.Selection<>(teams.total(), teams.items().stream().map(org::view).toList());
        });
        return ScimResponse.json(200, page.render(selection.total(),
                selection.items().stream().map(renderer::group).map(Json::bytes).toList()));
    }

    private ScimResponse create(ScimRequest request) {
        var body = request.body();
        Instant now = now();
        return single(201, store.write(org -> new TeamDraft(dialect, org, null).replaceAll(body).commit(now)));
    }

    private ScimResponse update(ScimRequest request) {
        var body = request.body();
        List<PatchOp> ops = request.method().equals("PATCH") ? PatchOp.parse(body) : List.of();
        Instant now = now();
        return single(200, store.write(org -> {
            Team team = org.team(request.id());
            request.requireMatch(team.version());
            TeamDraft draft = new TeamDraft(dialect, org, team);
            if (request.method().equals("PUT")) {
                draft.replaceAll(body);
            } else {
                ops.forEach(draft::apply);
            }
            return draft.commit(now);
        }));
    }

    private ScimResponse delete(ScimRequest request) {
        Instant now = now();
        store.write(org -> {
            Team team = org.team(request.id());
            request.requireMatch(team.version());
            org.removeTeam(team.id());
            team.members().keySet().forEach(userId -> org.touchUser(userId, now));
            return null;
        });
        return ScimResponse.noContent();
    }

    private ScimResponse single(int status, TeamView view) {
        return ScimResponse.resource(status, renderer.group(view), view.team().version());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
