package dev.scimsync.config;

import dev.scimsync.config.PolicyConfig.AbsentMembers;
import dev.scimsync.config.PolicyConfig.AbsentRoles;
import dev.scimsync.config.PolicyConfig.AbsentTeams;
import dev.scimsync.config.PolicyConfig.AbsentUsers;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A job file exactly as written: every key nullable, so "absent" can be told from any value. {@link #toConfig}
 * applies the command-line overrides, then the defaults; validation comes after.
 */
record JobDocument(String name, Target target, Inputs inputs, Policy policy, Limits limits, String out) {

    record Target(String url, String dialect, String auth, String tokenEnv, String username, String proxy,
                  String proxyCredentialsEnv, String caFile, String graphqlUrl, String userDelete) {
    }

    record Inputs(String users, String teams, String memberships, String roles,
                  Map<String, Map<String, String>> columns, String delimiter, String encoding,
                  Map<String, Map<String, Map<String, String>>> values, String serviceAccounts) {
    }

    record Policy(AbsentUsers absentUsers, AbsentMembers absentMembers, AbsentRoles absentRoles,
                  RemovalLimit maxRemovals, List<String> protectedUsers, RemovalLimit maxRowDrop,
                  AbsentTeams absentTeams, List<String> protectedTeams) {
    }

    record Limits(Integer chunkSize, Integer concurrency, Double requestsPerSecond, Double maxErrorRate,
                  Integer maxAttempts, TimeLimit connectTimeout, TimeLimit readTimeout) {
    }

    /** The effective configuration; throws {@link InvalidPathException} naming the key of a path that is not one. */
    JobConfig toConfig(String defaultName, Overrides o) {
        String effectiveName = or(name, defaultName);
        Path defaultOut = effectiveName == null ? null : defaultOut(effectiveName);
        return new JobConfig(effectiveName, targetConfig(o), inputsConfig(o), policyConfig(), limitsConfig(o),
                or(o.out(), or(path("out", out), defaultOut)));
    }

    private TargetConfig targetConfig(Overrides o) {
        Target t = target != null ? target : new Target(null, null, null, null, null, null, null, null, null, null);
        return new TargetConfig(
                or(o.targetUrl(), t.url()),
                or(o.dialect(), or(t.dialect(), TargetConfig.DEFAULT_DIALECT)),
                or(t.auth(), TargetConfig.DEFAULT_AUTH),
                or(o.tokenEnv(), or(t.tokenEnv(), TargetConfig.DEFAULT_TOKEN_ENV)),
                t.username(),
                t.proxy(),
                t.proxyCredentialsEnv(),
                path("target.ca-file", t.caFile()),
                t.graphqlUrl(), t.userDelete());
    }

    private InputsConfig inputsConfig(Overrides o) {
        Inputs i = inputs != null ? inputs : new Inputs(null, null, null, null, null, null, null, null, null);
        return new InputsConfig(
                or(o.users(), path("inputs.users", i.users())),
                or(o.teams(), path("inputs.teams", i.teams())),
                or(o.memberships(), path("inputs.memberships", i.memberships())),
                or(o.roles(), path("inputs.roles", i.roles())),
                i.columns(), i.delimiter(), i.encoding(), i.values(),
                path("inputs.service-accounts", i.serviceAccounts()));
    }

    private PolicyConfig policyConfig() {
        Policy p = policy != null ? policy : new Policy(null, null, null, null, null, null, null, null);
        return new PolicyConfig(
                or(p.absentUsers(), AbsentUsers.REPORT),
                or(p.absentMembers(), AbsentMembers.REPORT),
                or(p.absentRoles(), AbsentRoles.REPORT),
                or(p.maxRemovals(), PolicyConfig.DEFAULT_MAX_REMOVALS),
                p.protectedUsers(),
                or(p.maxRowDrop(), PolicyConfig.DEFAULT_MAX_ROW_DROP),
                or(p.absentTeams(), AbsentTeams.REPORT),
                p.protectedTeams());
    }

    private LimitsConfig limitsConfig(Overrides o) {
        Limits l = limits != null ? limits : new Limits(null, null, null, null, null, null, null);
        return new LimitsConfig(
                or(o.chunkSize(), or(l.chunkSize(), LimitsConfig.DEFAULT_CHUNK_SIZE)),
                or(o.concurrency(), or(l.concurrency(), LimitsConfig.DEFAULT_CONCURRENCY)),
                or(o.requestsPerSecond(), or(l.requestsPerSecond(), LimitsConfig.DEFAULT_REQUESTS_PER_SECOND)),
                or(l.maxErrorRate(), LimitsConfig.DEFAULT_MAX_ERROR_RATE),
                or(l.maxAttempts(), LimitsConfig.DEFAULT_MAX_ATTEMPTS),
                or(l.connectTimeout(), LimitsConfig.DEFAULT_CONNECT_TIMEOUT),
                or(l.readTimeout(), LimitsConfig.DEFAULT_READ_TIMEOUT));
    }

    private static Path defaultOut(String name) {
        try {
            return Path.of("reports", name);
        } catch (InvalidPathException e) {
            return null; // the name itself is reported invalid
        }
    }

    private static Path path(String key, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new InvalidPathException(value, key + " is not a valid path");
        }
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
