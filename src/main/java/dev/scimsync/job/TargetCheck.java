package dev.scimsync.job;

import dev.scimsync.config.JobConfig;
import dev.scimsync.scim.AuthScheme;
import dev.scimsync.scim.ListResponse;
import dev.scimsync.scim.ScimAuthException;
import dev.scimsync.scim.ScimClient;
import dev.scimsync.scim.ScimClientSettings;
import dev.scimsync.scim.ScimException;
import dev.scimsync.scim.ScimTlsException;
import dev.scimsync.scim.ServiceProviderConfig;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * {@code check-target}: what a job's target looks like from here, read-only. It reports the proxy the client would
 * use and where that came from, the TLS chain the target presents, which auth form the key works with, the list
 * endpoints with the page size the client would use and what the target answered, and {@code /ServiceProviderConfig}
 * where the target serves it. Only GETs are sent, each once; nothing is written, here or in the state database.
 */
public final class TargetCheck {

    /** The report's lines, and the exit code: 0 when the job could run, 4 when it could not reach or use the target. */
    public record Report(List<String> lines, int exitCode) {
    }

    private final Targets targets;

    public TargetCheck(Targets targets) {
        this.targets = targets;
    }

    /**
     * @throws dev.scimsync.config.ConfigException            for a bad setting (CA file, proxy variable)
     * @throws dev.scimsync.scim.MissingCredentialException when the key or proxy credentials variable is unset
     */
    public Report check(JobConfig config) {
        ScimClientSettings configured = once(targets.settingsFor(config), null);
        List<String> lines = new ArrayList<>();
        lines.add("target: " + configured.baseUrl() + " (dialect " + configured.dialect() + ")");
        lines.add("proxy: " + configured.proxy());
        if (configured.caBundle() != null) {
            lines.add("ca-file: " + configured.caBundle());
        }
        List<AuthScheme> forms = new ArrayList<>(List.of(AuthScheme.BEARER, AuthScheme.BASIC_SERVICE_ACCOUNT));
        if (configured.basicUsername() != null) {
            forms.add(AuthScheme.BASIC);
        }
        forms.remove(configured.auth());
        forms.add(0, configured.auth());
        AuthScheme working = null;
        boolean configuredWorks = false;
        for (AuthScheme form : forms) {
            boolean isConfigured = form == configured.auth();
            String label = "auth " + form.id() + (isConfigured ? " (configured)" : "") + ": ";
            try (ScimClient client = ScimClient.create(once(configured, form))) {
                int refused = 0;
                try {
                    client.users().list(null, 1, 1);
                } catch (ScimAuthException e) {
                    refused = e.status();
                }
                if (isConfigured) {
                    lines.addAll(tls(client, configured.baseUrl()));
                    configuredWorks = refused == 0;
                }
                lines.add(label + (refused == 0 ? "works" : "refused (HTTP " + refused + ")"));
                if (refused == 0 && working == null) {
                    working = form;
                }
            } catch (ScimTlsException e) {
                lines.add("tls: " + e.getMessage().replaceFirst("^GET /Users → TLS: ", ""));
                return new Report(lines, ExitCodes.ABORTED);
            } catch (ScimException e) {
                lines.add("reachable: no (" + e.getMessage() + ")");
                return new Report(lines, ExitCodes.ABORTED);
            }
        }
        if (working == null) {
            lines.add("no auth form works with this key: check the key variable " + config.target().tokenEnv()
                    + " (and target.username for auth basic)");
            return new Report(lines, ExitCodes.ABORTED);
        }
        try (ScimClient client = ScimClient.create(once(configured, working))) {
            lines.addAll(lists(client));
            lines.add(serviceProviderConfig(client));
        } catch (ScimException e) {
            lines.add("stopped: " + e.getMessage());
            return new Report(lines, ExitCodes.ABORTED);
        }
        if (!configuredWorks) {
            lines.add("the configured auth " + configured.auth().id() + " is refused, " + working.id() + " works:"
                    + " set target.auth accordingly");
            return new Report(lines, ExitCodes.ABORTED);
        }
        return new Report(lines, ExitCodes.OK);
    }

    /** The chain just presented, leaf first, from a client that has made one request. */
    private static List<String> tls(ScimClient client, String baseUrl) {
        if (!baseUrl.regionMatches(true, 0, "https:", 0, 6)) {
            return List.of("tls: none (an http:// target)");
        }
        List<String> lines = new ArrayList<>();
        List<X509Certificate> chain = client.presentedChain();
        lines.add("tls: the chain is trusted (" + chain.size() + (chain.size() == 1 ? " certificate" : " certificates")
                + ", host name checked)");
        for (int i = 0; i < chain.size(); i++) {
            X509Certificate certificate = chain.get(i);
            lines.add("  [" + i + "] subject " + certificate.getSubjectX500Principal().getName() + "; issued by "
                    + certificate.getIssuerX500Principal().getName() + "; valid until "
                    + certificate.getNotAfter().toInstant());
        }
        return lines;
    }

    private static List<String> lists(ScimClient client) {
        int pageSize = client.pageSize();
        List<String> lines = new ArrayList<>();
        lines.add(list("/Users", pageSize, (start, count) -> client.users().list(null, start, count)));
        lines.add(list("/Groups", pageSize, (start, count) -> client.groups().list(null, start, count)));
        if (client.dialect().supportsRoles()) {
            lines.add(list("/Roles", pageSize, (start, count) -> client.roles().list(null, start, count)));
        }
        return lines;
    }

    private static String list(String path, int pageSize,
                               BiFunction<Integer, Integer, ListResponse<?>> page) {
        try {
            ListResponse<?> first = page.apply(1, pageSize);
            return "list " + path + ": " + (first.totalResults() == null ? "?" : first.totalResults()) + " in all;"
                    + " page size " + pageSize + ", the first page held " + first.resources().size()
                    + (first.itemsPerPage() == null ? "" : " (itemsPerPage " + first.itemsPerPage() + ")");
        } catch (ScimAuthException e) {
            throw e;
        } catch (ScimException e) {
            if (e.status() < 0) {
                throw e;
            }
            return "list " + path + ": HTTP " + e.status() + " (" + e.getMessage() + ")";
        }
    }

    private static String serviceProviderConfig(ScimClient client) {
        Optional<ServiceProviderConfig> config = client.probeServiceProviderConfig();
        return config.map(c -> "ServiceProviderConfig: at most "
                        + (c.maxResults() > 0 ? c.maxResults() : "unlimited") + " results a page, ETags "
                        + (c.etagSupported() ? "supported" : "not supported") + ", bulk "
                        + (c.bulkSupported() ? "supported (not used)" : "not supported"))
                .orElse("ServiceProviderConfig: not served");
    }

    /** The settings with each request sent once (a check reports, it does not insist), and {@code auth} if given. */
    private static ScimClientSettings once(ScimClientSettings s, AuthScheme auth) {
        AuthScheme scheme = auth == null ? s.auth() : auth;
        return new ScimClientSettings(s.baseUrl(), s.dialect(), scheme, s.basicUsername(), s.apiKey(),
                s.connectTimeout(), s.readTimeout(), 1, 1, 0, s.pageSize(), s.initialBackoff(), s.maxBackoff(),
                s.proxy(), s.caBundle(), s.graphqlUrl(), s.userDeleteRemoves());
    }
}
