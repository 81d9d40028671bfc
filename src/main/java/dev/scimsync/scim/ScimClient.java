package dev.scimsync.scim;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The SCIM client of one target: the three APIs, the target's {@link ScimDialect}, paging and look-up helpers.
 * Thread-safe; share one instance between worker threads and close it at the end.
 */
public final class ScimClient implements AutoCloseable {

    private final ScimClientSettings settings;
    private final ScimDialect dialect;
    private final ScimFeign feign;
    private final UsersApi users;
    private final GroupsApi groups;
    private final RolesApi roles;

    private ScimClient(ScimClientSettings settings) {
        this.settings = settings;
        this.dialect = settings.scimDialect();
        this.feign = new ScimFeign(settings, RetryPolicy.Sleeper.THREAD);
        this.users = feign.target(UsersApi.class);
        this.groups = feign.target(GroupsApi.class);
        this.roles = feign.target(RolesApi.class);
    }

    public static ScimClient create(ScimClientSettings settings) {
        return new ScimClient(settings);
    }

    public UsersApi users() {
        return users;
    }

    public GroupsApi groups() {
        return groups;
    }

    /** @throws UnsupportedByDialectException when the dialect has no custom roles */
    public RolesApi roles() {
        if (!dialect.supportsRoles()) {
            throw new UnsupportedByDialectException("dialect " + dialect.id() + " has no custom roles (/Roles)");
        }
        return roles;
    }

    public ScimDialect dialect() {
        return dialect;
    }

    public ScimClientSettings settings() {
        return settings;
    }

    /** Every user matching {@code filter} ({@code null} for all), page by page; returns how many there were. */
    public long forEachUser(String filter, Consumer<? super ScimUser> action) {
        return Pager.forEach((start, count) -> users.list(filter, start, count), settings.effectivePageSize(),
                ScimUser::id, action, "GET", settings.baseUrl() + "/Users");
    }

    public long forEachGroup(String filter, Consumer<? super ScimGroup> action) {
        return Pager.forEach((start, count) -> groups.list(filter, start, count), settings.effectivePageSize(),
                ScimGroup::id, action, "GET", settings.baseUrl() + "/Groups");
    }

    public long forEachRole(String filter, Consumer<? super ScimRole> action) {
        RolesApi api = roles();
        return Pager.forEach((start, count) -> api.list(filter, start, count), settings.effectivePageSize(),
                ScimRole::id, action, "GET", settings.baseUrl() + "/Roles");
    }

    /**
     * The user with this e-mail (case-insensitive). Results are checked against the e-mail, so a server that
     * ignores the filter cannot hand back someone else.
     */
    public Optional<ScimUser> findUserByEmail(String email) {
        return first(users.list(ScimFilter.eq("emails.value", email), null, null),
                user -> user.emails().stream().anyMatch(e -> email.equalsIgnoreCase(e.value())));
    }

    public Optional<ScimUser> findUserByUserName(String userName) {
        return first(users.list(ScimFilter.eq("userName", userName), null, null),
                user -> userName.equalsIgnoreCase(user.userName()));
    }

    public Optional<ScimGroup> findGroupByName(String displayName) {
        return first(groups.list(ScimFilter.eq("displayName", displayName), null, null),
                group -> displayName.equals(group.displayName()));
    }

    public void deactivateUser(String userId) {
        dialect.deactivate(users, userId);
    }

    /** @throws UnsupportedByDialectException when the dialect cannot reactivate */
    public void reactivateUser(String userId) {
        dialect.reactivate(users, userId);
    }

    /** Requests sent so far per HTTP method, retries included: {@code {GET=12, PATCH=3}}. */
    public Map<String, Long> requestCounts() {
        return feign.requestCounts();
    }

    /** Closes the HTTP client and its connection pool. */
    @Override
    public void close() {
        feign.close();
    }

    private static <T> Optional<T> first(ListResponse<T> page, Predicate<T> matches) {
        return page.resources().stream().filter(matches).findFirst();
    }
}
