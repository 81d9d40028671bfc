package dev.scimsync.plan;

import dev.scimsync.snapshot.RemoteOrg;
import dev.scimsync.snapshot.RemoteServiceAccountRepository;
import dev.scimsync.snapshot.RemoteServiceAccountRepository.RemoteServiceAccount;
import dev.scimsync.snapshot.SnapshotRepository;
import dev.scimsync.validate.DesiredServiceAccount;
import dev.scimsync.validate.DesiredSetRepository;
import dev.scimsync.validate.RowRules;
import dev.scimsync.validate.ServiceAccountRowValidator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Plans team service accounts: a row of service-accounts.csv whose team holds no service account with its
 * description gets one created. Nothing is ever deleted, and a service account the file does not name is left alone.
 * A row whose team neither the target holds nor this run creates is invalid (file, line, reason) before planning:
 * its request could only fail. {@link #decide} makes the decisions over plain rows; this class reads them.
 */
@Component
public class ServiceAccountPlanner {

    private static final String CREATED_TEAMS = """
            SELECT name_key FROM desired_team WHERE run_id = ?
            UNION SELECT team_key FROM desired_member WHERE run_id = ?""";

    private final JdbcTemplate jdbc;
    private final DesiredSetRepository desired;
    private final RemoteServiceAccountRepository remote;
    private final RowRules rules;

    public ServiceAccountPlanner(JdbcTemplate jdbc, DesiredSetRepository desired, RemoteServiceAccountRepository remote,
                                 RowRules rules) {
        this.jdbc = jdbc;
        this.desired = desired;
        this.remote = remote;
        this.rules = rules;
    }

    /**
     * Moves the rows whose team is neither on the target nor in teams.csv or memberships.csv to {@code row_error}.
     *
     * @param teamHeader the file's header of the team column, named in the error
     * @return the number of rows rejected
     */
    public int rejectUnknownTeams(String runId, RemoteOrg org, String teamHeader) {
        Set<String> created = new HashSet<>(jdbc.queryForList(CREATED_TEAMS, String.class, runId, runId));
        List<Long> lines = unknownTeams(desired.serviceAccounts(runId), org, created);
        return rules.rejectLines(runId, "service-accounts", "desired_service_account", lines,
                "CONCAT('team ''', d.team, ''' is neither in the organisation nor created by this run (teams.csv"
                        + " or memberships.csv)')", "CONCAT(d.team_key, '/', d.description)", teamHeader);
    }

    /** The lines whose team is neither on the target nor among {@code createdTeams} (lower-case names). */
    static List<Long> unknownTeams(List<DesiredServiceAccount> rows, RemoteOrg org, Set<String> createdTeams) {
        return rows.stream().filter(r -> org.groupByNameKey(r.teamKey()) == null
                && !createdTeams.contains(r.teamKey())).map(DesiredServiceAccount::line).toList();
    }

    void plan(OpBatch ops, RemoteOrg org) {
        List<DesiredServiceAccount> rows = desired.serviceAccounts(ops.runId());
        if (!rows.isEmpty()) {
            decide(rows, org, remote.of(ops.runId(), SnapshotRepository.SNAPSHOT), ops::add);
        }
    }

    /**
     * One create per row whose team lists no service account with the row's description (compared exactly, both
     * trimmed and in NFC); none for a row that one already matches.
     *
     * @param rows   the valid rows of service-accounts.csv, in line order, each (team, description) once
     * @param listed the service accounts listed in the teams the rows name
     */
    static void decide(List<DesiredServiceAccount> rows, RemoteOrg org, List<RemoteServiceAccount> listed,
                       Consumer<NewOp> out) {
        Set<String> existing = new HashSet<>();
        listed.forEach(a -> existing.add(a.teamKey() + "/" + ServiceAccountRowValidator.normalised(a.description())));
        for (DesiredServiceAccount row : rows) {
            if (existing.contains(row.key())) {
                continue;
            }
            RemoteOrg.Group team = org.groupByNameKey(row.teamKey());
            String teamName = team == null ? row.team() : team.name();
            out.accept(new NewOp(OpKind.CREATE_SERVICE_ACCOUNT, row.key(), "service-accounts", row.line(),
                    team == null ? null : team.id(), "", "service account '" + row.description() + "' in team "
                    + teamName + " (" + ServiceAccountPayload.KEY_HINT + ")",
                    new ServiceAccountPayload(teamName, row.description()).toJson()));
        }
    }
}
