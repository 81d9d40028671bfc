package dev.scimsync.emulator;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * {@code /Users}: list (filter, paging), create, read, PATCH, and DELETE, which removes the user from the
 * organisation or only deactivates it (the {@code wandb} dialect's default), as the server modelled does.
 */
final class UsersHandler implements ResourceHandler {

    private final EmulatorDialect dialect;
    private final OrgStore store;
    private final UserJsonCache json;
    private final Clock clock;
    private final Listing listing;
    private final boolean deleteRemoves;

    /** @param deleteRemoves whether DELETE removes the user from the organisation, rather than deactivating it */
    UsersHandler(EmulatorDialect dialect, OrgStore store, Renderer renderer, Clock clock, Listing listing,
                 boolean deleteRemoves) {
        this.dialect = dialect;
        this.deleteRemoves = deleteRemoves;
        this.listing = listing;
        this.store = store;
        this.json = new UserJsonCache(renderer);
        this.clock = clock;
    }

    @Override
    public ScimResponse handle(ScimRequest request) {
        String method = request.method();
        if (request.id() == null) {
            return switch (method) {
                case "GET" -> list(request);
                case "POST" -> created(request.body());
                default -> throw ResourceHandler.methodNotAllowed(request, "GET, POST");
            };
        }
        return switch (method) {
            case "GET" -> single(200, store.read(org -> org.view(org.user(request.id()))));
            case "PATCH" -> patch(request);
            case "DELETE" -> delete(request);
            default -> throw ResourceHandler.methodNotAllowed(request, "GET, PATCH, DELETE");
        };
    }

    private ScimResponse list(ScimRequest request) {
        Predicate<User> filter = listing.filter(request, UserAttributes.FILTERABLE);
        Page page = listing.page(request);
        Page.Selection<UserView> selection = store.read(org -> {
            Page.Selection<User> users = page.select(org.users(), filter);
            return new Page.Selection<>(users.total(), users.items().stream().map(org::view).toList());
        });
        return ScimResponse.json(200,
                page.render(selection.total(), selection.items().stream().map(json::json).toList()));
    }

    /** RFC 7643's core User attributes a scim2 target takes in a create; a strict server refuses any other. */
    private static final java.util.Set<String> CORE_USER = java.util.Set.of("schemas", "id", "externalid", "username",
            "name", "displayname", "nickname", "profileurl", "title", "usertype", "preferredlanguage", "locale",
            "timezone", "active", "password", "emails", "phonenumbers", "ims", "photos", "addresses", "groups",
            "entitlements", "roles", "x509certificates", "meta");

    private ScimResponse created(JsonNode body) {
        if (!dialect.isWandb()) {
            Json.requireKnown(body, CORE_USER, "User");
        }
        String userName = UserAttributes.requireUserName(Json.text(body, "userName"));
        String displayName = Json.text(body, "displayName");
        String email = UserAttributes.email(Json.field(body, "emails"));
        if (email == null && dialect.isWandb()) {
            throw ScimException.invalidValue("an email is required");
        }
        JsonNode activeNode = Json.field(body, "active");
        boolean active = dialect.isWandb() || activeNode == null || Json.asBoolean(activeNode, "active");
        Instant now = now();
        return single(201, store.write(org -> {
            UserAttributes.requireUnique(org, userName, email, null);
            User user = new User(Org.newId(), userName, displayName, email, active, BuiltinRoles.MEMBER, now, now, 1);
            org.putUser(user);
            return org.view(user);
        }));
    }

    private ScimResponse patch(ScimRequest request) {
        List<PatchOp> ops = PatchOp.parse(request.body());
        Instant now = now();
        UserView view = store.write(org -> {
            User user = org.user(request.id());
            request.requireMatch(user.version());
            return new UserPatch(dialect, org, user).apply(ops, now);
        });
        if (dialect == EmulatorDialect.WANDB_SAAS && !view.user().active()) {
            json.evict(view.user().id());
        }
        return single(200, view);
    }

    private ScimResponse delete(ScimRequest request) {
        Instant now = now();
        store.write(org -> {
            User user = org.user(request.id());
            request.requireMatch(user.version());
            if (deleteRemoves) {
                org.removeUser(user.id(), now);
                json.evict(user.id());
            } else if (user.active()) {
                org.putUser(new User(user.id(), user.userName(), user.displayName(), user.email(), false,
                        user.orgRole(), user.created(), now, user.version() + 1));
            }
            return null;
        });
        return ScimResponse.noContent();
    }

    private ScimResponse single(int status, UserView view) {
        return ScimResponse.resource(status, json.json(view), view.user().version());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
