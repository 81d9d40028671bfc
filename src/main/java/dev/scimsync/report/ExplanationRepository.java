package dev.scimsync.report;

import dev.scimsync.plan.OpKind;
import dev.scimsync.snapshot.RemoteOrg;
import dev.scimsync.snapshot.RemoteServiceAccountRepository;
import dev.scimsync.validate.DesiredSetRepository;
import dev.scimsync.validate.ServiceAccountRowValidator;
import dev.scimsync.snapshot.SnapshotRepository;
import dev.scimsync.state.RunRecord;
import dev.scimsync.state.RunRepository;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the state database knows about one user or team: as the inputs described it and as the target held it in
 * the most recent run that looked, and what recent runs did about it.
 */
@Repository
public class ExplanationRepository {

    /** A line of the explanation: what, desired, actual. */
    public record Fact(String subject, String desired, String actual) {
    }

    /** An operation of a recent run about the user or team. */
    public record Step(String runId, String command, String action, String key, String state, String detail) {
    }

    private final JdbcTemplate jdbc;
    private final RunRepository runs;
    private final SnapshotRepository remoteOrgs;
    private final DesiredSetRepository desiredSets;
    private final RemoteServiceAccountRepository serviceAccounts;

    public ExplanationRepository(JdbcTemplate jdbc, RunRepository runs, SnapshotRepository remoteOrgs,
                                 DesiredSetRepository desiredSets, RemoteServiceAccountRepository serviceAccounts) {
        this.desiredSets = desiredSets;
        this.serviceAccounts = serviceAccounts;
        this.jdbc = jdbc;
        this.runs = runs;
        this.remoteOrgs = remoteOrgs;
    }

    /** The most recent run that loaded or listed this key (a lower-case email or team name). */
    public Optional<RunRecord> latestRunAbout(String key, boolean user) {
        String lower = key.toLowerCase(Locale.ROOT);
        String loaded = user ? "SELECT COUNT(*) FROM desired_user WHERE run_id = ? AND email_key = ?"
                : "SELECT (SELECT COUNT(*) FROM desired_member WHERE run_id = ? AND team_key = ?)"
                + " + (SELECT COUNT(*) FROM desired_service_account WHERE run_id = ? AND team_key = ?)";
        for (String runId : jdbc.queryForList("SELECT run_id FROM sync_run ORDER BY started_at DESC", String.class)) {
            Long rows = user ? jdbc.queryForObject(loaded, Long.class, runId, lower)
                    : jdbc.queryForObject(loaded, Long.class, runId, lower, runId, lower);
            boolean about = rows != null && rows > 0;
            if (!about && remoteOrgs.exists(runId, SnapshotRepository.SNAPSHOT)) {
                RemoteOrg org = remoteOrgs.load(runId, SnapshotRepository.SNAPSHOT);
                about = user ? org.userByEmailKey(lower) != null : org.groupByNameKey(lower) != null;
            }
            if (about) {
                return runs.find(runId);
            }
        }
        return Optional.empty();
    }

    /** A user's attributes and teams, desired against actual. */
    public List<Fact> user(String runId, String emailKey) {
        List<Fact> facts = new ArrayList<>();
        RemoteOrg org = remoteOrgs.load(runId, SnapshotRepository.SNAPSHOT);
        RemoteOrg.User u = org.userByEmailKey(emailKey);
        boolean actual = u != null;
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT line_no, active, org_role, display_name"
                + " FROM desired_user WHERE run_id = ? AND email_key = ? ORDER BY line_no", runId, emailKey);
        Map<String, Object> d = rows.isEmpty() ? null : rows.get(0);
        boolean desired = d != null;
        facts.add(new Fact("user", desired ? (Boolean.TRUE.equals(d.get("active")) ? "active" : "inactive")
                + " (line " + d.get("line_no") + ")" : "not in the users file",
                actual ? (u.active() ? "active" : "inactive") + " (id " + u.id() + ")" : "not in the organisation"));
        facts.add(new Fact("org role", orUnmanaged(desired, desired ? (String) d.get("org_role") : null),
                orNone(actual, actual ? u.orgRole() : null)));
        facts.add(new Fact("display name", orUnmanaged(desired, desired ? (String) d.get("display_name") : null),
                orNone(actual, actual ? u.displayName() : null)));
        Map<String, String[]> teams = new TreeMap<>();
        jdbc.query("SELECT team_key, role, line_no FROM desired_member WHERE run_id = ? AND email_key = ?", rs -> {
            max(teams, rs.getString(1), 0, desired(rs.getString(2), rs.getLong(3)));
        }, runId, emailKey);
        if (actual) {
            for (RemoteOrg.Group g : org.groups()) {
                if (org.membership(g, u) >= 0) {
                    max(teams, g.nameKey(), 1, u.teamRole(g.nameKey()));
                }
            }
        }
        teams.forEach((team, values) -> facts.add(new Fact("team " + team,
                values[0] == null ? "not listed" : values[0], values[1] == null ? "not a member" : values[1])));
        return facts;
    }

    /** A team's members, desired against actual. */
    public List<Fact> team(String runId, String teamKey) {
        Map<String, String[]> members = new TreeMap<>();
        jdbc.query("SELECT email_key, role, line_no FROM desired_member WHERE run_id = ? AND team_key = ?", rs -> {
            max(members, rs.getString(1), 0, desired(rs.getString(2), rs.getLong(3)));
        }, runId, teamKey);
        RemoteOrg org = remoteOrgs.load(runId, SnapshotRepository.SNAPSHOT);
        RemoteOrg.Group group = org.groupByNameKey(teamKey);
        if (group != null) {
            for (String id : group.memberIds()) {
                RemoteOrg.User u = org.userById(id);
                String key = u != null && u.emailKey() != null ? u.emailKey() : id;
                max(members, key, 1, u != null ? u.teamRole(teamKey) : RemoteOrg.DEFAULT_TEAM_ROLE);
            }
        }
        List<Fact> facts = new ArrayList<>();
        members.forEach((email, values) -> facts.add(new Fact(email,
                values[0] == null ? "not listed" : values[0], values[1] == null ? "not a member" : values[1])));
        facts.addAll(serviceAccounts(runId, teamKey));
        return facts;
    }

    /**
     * A team's service accounts, desired against actual: the rows of service-accounts.csv that name the team, and
     * those the run listed in it (listed only in the teams that file names). Never a key: none is ever read.
     */
    private List<Fact> serviceAccounts(String runId, String teamKey) {
        Map<String, String[]> accounts = new TreeMap<>();
        desiredSets.serviceAccounts(runId).stream().filter(a -> a.teamKey().equals(teamKey)).forEach(a ->
                accounts.computeIfAbsent(a.description(), d -> new String[2])[0] = "exists (line " + a.line() + ")");
        serviceAccounts.of(runId, SnapshotRepository.SNAPSHOT).stream().filter(a -> a.teamKey().equals(teamKey))
                .forEach(a -> accounts.computeIfAbsent(ServiceAccountRowValidator.normalised(a.description()),
                        d -> new String[2])[1] = "exists (id " + a.id() + ")");
        List<Fact> facts = new ArrayList<>();
        accounts.forEach((description, values) -> facts.add(new Fact("service account '" + description + "'",
                values[0] == null ? "not listed" : values[0], values[1] == null ? "missing" : values[1])));
        return facts;
    }

    private static String desired(String role, long line) {
        return (role == null ? "member (default)" : role) + " (line " + line + ")";
    }

    /** Keeps the greater of two values of one column, as SQL's MAX would. */
    private static void max(Map<String, String[]> rows, String key, int column, String value) {
        String[] values = rows.computeIfAbsent(key, k -> new String[2]);
        if (values[column] == null || value.compareTo(values[column]) > 0) {
            values[column] = value;
        }
    }

    /** Operations about the key in the most recent runs, newest first. */
    public List<Step> steps(String key, int runs) {
        String lower = key.toLowerCase(Locale.ROOT);
        return jdbc.query("""
                SELECT o.run_id, r.command, o.kind, o.object_key, o.state, o.detail FROM planned_op o
                JOIN sync_run r ON r.run_id = o.run_id
                WHERE (o.object_key = ? OR o.object_key LIKE ? OR o.object_key LIKE ?)
                  AND o.run_id IN (SELECT run_id FROM sync_run ORDER BY started_at DESC LIMIT ?)
                ORDER BY r.started_at DESC, o.seq""", (rs, n) -> new Step(rs.getString(1), rs.getString(2),
                OpKind.valueOf(rs.getString(3)).action(), rs.getString(4), rs.getString(5).toLowerCase(Locale.ROOT),
                rs.getString(6)), lower, "%/" + lower, lower + "/%", runs);
    }

    private static String orUnmanaged(boolean desired, String value) {
        return !desired ? "-" : value == null ? "(left as it is)" : value;
    }

    private static String orNone(boolean actual, String value) {
        return !actual ? "-" : value == null ? "(none)" : value;
    }
}
