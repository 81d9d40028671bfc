package dev.scimsync.scim;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The SCIM client of one target: the three SCIM APIs and W&B's service accounts (GraphQL), the target's {@link ScimDialect}, paging and look-up helpers.
 * Thread-safe; share one instance between worker threads and close it at the end.
 */
public final class ScimClient implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ScimClient.class);

    private final ScimClientSettings settings;
    private final ScimDialect dialect;
    private final ScimFeign feign;
    private final UsersApi users;
    private final GroupsApi groups;
    private final RolesApi roles;
    private final ServiceAccounts serviceAccounts;
    private final ServiceProviderConfigApi providerConfigApi;
    private volatile Optional<ServiceProviderConfig> providerConfig;
    private final Lookup lookup = new Lookup(
            () -> serviceProviderConfig().map(ServiceProviderConfig::filterSupported).orElse(true));

    private ScimClient(ScimClientSettings settings, ClientClock clock) {
        this.settings = settings;
        this.dialect = settings.scimDialect();
        this.feign = new ScimFeign(settings, clock);
        this.providerConfigApi = feign.target(ServiceProviderConfigApi.class);
        if (dialect.readsServiceProviderConfig()) {
            Versions versions = new Versions();
            this.users = new EtagUsersApi(feign.target(UsersApi.class), versions, this::usesEtags);
            this.groups = new EtagGroupsApi(feign.target(GroupsApi.class), versions, this::usesEtags);
        } else {
            this.users = feign.target(UsersApi.class);
            this.groups = feign.target(GroupsApi.class);
        }
        this.roles = feign.target(RolesApi.class);
        String graphql = settings.graphqlEndpoint();
        this.serviceAccounts = new ServiceAccounts(feign.target(GraphqlApi.class, graphql), graphql);
    }

    public static ScimClient create(ScimClientSettings settings) {
        return new ScimClient(settings, ClientClock.SYSTEM);
    }

    /** A client that reads the time and waits through {@code clock}: for tests that assert the waits asked for. */
    static ScimClient create(ScimClientSettings settings, ClientClock clock) {
        return new ScimClient(settings, clock);
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

    /** @throws UnsupportedByDialectException when the dialect has no service accounts (W&amp;B's GraphQL API) */
    public ServiceAccounts serviceAccounts() {
        if (!dialect.supportsServiceAccounts()) {
            throw new UnsupportedByDialectException("dialect " + dialect.id() + " has no service accounts (W&B's"
                    + " GraphQL API)");
        }
        return serviceAccounts;
    }

    public ScimDialect dialect() {
        return dialect;
    }

    public ScimClientSettings settings() {
        return settings;
    }

    /**
     * The target's {@code /ServiceProviderConfig}, read once, where the dialect has one (scim2); empty where it has
     * none, or the target does not serve it (any SCIM error but an authentication failure or no answer at all).
     */
    public Optional<ServiceProviderConfig> serviceProviderConfig() {
        Optional<ServiceProviderConfig> config = providerConfig;
        if (config == null) {
            synchronized (this) {
                if (providerConfig == null) {
                    providerConfig = readProviderConfig();
                }
                config = providerConfig;
            }
        }
        return config;
    }

    private Optional<ServiceProviderConfig> readProviderConfig() {
        if (!dialect.readsServiceProviderConfig()) {
            return Optional.empty();
        }
        Optional<ServiceProviderConfig> served = probeServiceProviderConfig();
        served.ifPresent(config -> log.info(
                "{}/ServiceProviderConfig: at most {} results a page, filters {}, ETags {}, bulk {}",
                settings.baseUrl(), config.maxResults() > 0 ? config.maxResults() : "unlimited",
                config.filterSupported() ? "supported" : "not supported (look-ups list instead)",
                config.etagSupported() ? "supported" : "not supported",
                config.bulkSupported() ? "supported (not used)" : "not supported"));
        return served;
    }

    /**
     * Reads {@code /ServiceProviderConfig} whatever the dialect, for {@code check-target}: empty when the target
     * answers with an HTTP error (it does not serve it).
     *
     * @throws ScimAuthException when the key is refused
     * @throws ScimException     when no answer came
     */
    public Optional<ServiceProviderConfig> probeServiceProviderConfig() {
        try {
            return Optional.ofNullable(providerConfigApi.get());
        } catch (ScimAuthException e) {
            throw e;
        } catch (ScimException e) {
            if (e.status() < 0) {
                throw e;
            }
            log.info("{}/ServiceProviderConfig not served (HTTP {}): default paging, no ETags, filters assumed",
                    settings.baseUrl(), e.status());
            return Optional.empty();
        }
    }

    /** The certificates the target presented in the last TLS handshake, leaf first; empty for an http target. */
    public List<X509Certificate> presentedChain() {
        return feign.trust().lastChain();
    }

    /** The page size of list requests: the configured or dialect's one, or the provider's maxResults if smaller. */
    public int pageSize() {
        int size = settings.effectivePageSize();
        int max = serviceProviderConfig().map(ServiceProviderConfig::maxResults).orElse(0);
        return max > 0 && max < size ? max : size;
    }

    /**
     * Whether writes carry {@code If-Match}: the target's ServiceProviderConfig offers ETags (scim2 only). Then PATCH,
     * PUT and DELETE of users and groups send the last version this client saw (from a listing, a read or an
     * earlier write); a 412 is answered by reading the resource again and sending once more.
     */
    public boolean usesEtags() {
        return serviceProviderConfig().map(ServiceProviderConfig::etagSupported).orElse(false);
    }

    /** Every user matching {@code filter} ({@code null} for all), page by page; returns how many there were. */
    public long forEachUser(String filter, Consumer<? super ScimUser> action) {
        return Pager.forEach((start, count) -> users.list(filter, start, count), pageSize(),
                ScimUser::id, action, "GET", settings.baseUrl() + "/Users");
    }

    public long forEachGroup(String filter, Consumer<? super ScimGroup> action) {
        return Pager.forEach((start, count) -> groups.list(filter, start, count), pageSize(),
                ScimGroup::id, action, "GET", settings.baseUrl() + "/Groups");
    }

    private Optional<ScimUser> firstUser(Predicate<ScimUser> matches) {
        return Pager.first((start, count) -> users.list(null, start, count), pageSize(), ScimUser::id, matches,
                "GET", settings.baseUrl() + "/Users");
    }

    private Optional<ScimGroup> firstGroup(Predicate<ScimGroup> matches) {
        return Pager.first((start, count) -> groups.list(null, start, count), pageSize(), ScimGroup::id, matches,
                "GET", settings.baseUrl() + "/Groups");
    }

    public long forEachRole(String filter, Consumer<? super ScimRole> action) {
        RolesApi api = roles();
        return Pager.forEach((start, count) -> api.list(filter, start, count), pageSize(),
                ScimRole::id, action, "GET", settings.baseUrl() + "/Roles");
    }

    /**
     * The user with this e-mail (case-insensitive). Results are checked against the e-mail, so a server that
     * ignores the filter cannot hand back someone else; one that cannot filter is listed instead (see {@link Lookup}).
     */
    public Optional<ScimUser> findUserByEmail(String email) {
        return lookup.find("/Users", "emails.value", email, filter -> users.list(filter, null, null),
                this::firstUser,
                user -> user.emails().stream().anyMatch(e -> email.equalsIgnoreCase(e.value())));
    }

    public Optional<ScimUser> findUserByUserName(String userName) {
        return lookup.find("/Users", "userName", userName, filter -> users.list(filter, null, null),
                this::firstUser, user -> userName.equalsIgnoreCase(user.userName()));
    }

    public Optional<ScimGroup> findGroupByName(String displayName) {
        return lookup.find("/Groups", "displayName", displayName, filter -> groups.list(filter, null, null),
                this::firstGroup, group -> displayName.equals(group.displayName()));
    }

    /**
     * Deactivates the user: the user stays in the organisation and can be reactivated. Where {@code DELETE} removes
     * users, that is the PATCH {@code active:false}; where it deactivates, the DELETE.
     */
    public void deactivateUser(String userId) {
        if (settings.userDeleteRemoves()) {
            dialect.deactivateByPatch(users, userId);
        } else {
            users.delete(userId);
        }
    }

    /**
     * Takes the user out of the organisation with {@code DELETE /Users/{id}}.
     *
     * @throws UnsupportedByDialectException where {@code DELETE} only deactivates: no SCIM call removes the user there
     */
    public void removeUser(String userId) {
        if (!settings.userDeleteRemoves()) {
            throw new UnsupportedByDialectException("cannot remove user " + userId + " through SCIM: DELETE /Users"
                    + " deactivates on this target (target.user-delete: deactivates); remove it in the W&B admin UI");
        }
        users.delete(userId);
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
}
