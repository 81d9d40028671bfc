package dev.scimsync.snapshot;

import dev.scimsync.state.StateSchema;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.List;

/**
 * JDBC access to the service accounts a run listed in the teams service-accounts.csv names
 * ({@code remote_service_account}): ids and descriptions, never keys.
 */
@Repository
public class RemoteServiceAccountRepository {

    /** The longest description kept; a longer one cannot equal any row's. */
    static final int MAX_DESCRIPTION = 4000;

    /** A service account as listed, in its team (lower-case name). */
    public record RemoteServiceAccount(String teamKey, String id, String description) {
    }

    private final JdbcTemplate jdbc;

    public RemoteServiceAccountRepository(JdbcTemplate jdbc, StateSchema schema) {
        this.jdbc = jdbc;
    }

    /** Clears what a pass listed. */
    public void clear(String runId, String pass) {
        jdbc.update("DELETE FROM remote_service_account WHERE run_id = ? AND pass = ?", runId, pass);
    }

    /** Keeps one team's service accounts, in listing order. */
    public void insert(String runId, String pass, String teamKey, List<RemoteServiceAccount> accounts) {
        int[] seq = {0};
        jdbc.batchUpdate("INSERT INTO remote_service_account (run_id, pass, team_key, seq, id, description)"
                + " VALUES (?, ?, ?, ?, ?, ?)", accounts.stream().map(a -> new Object[] {runId, pass, teamKey,
                ++seq[0], a.id(), a.description().length() > MAX_DESCRIPTION
                        ? a.description().substring(0, MAX_DESCRIPTION) : a.description()}).toList());
    }

    /** What a pass listed, team by team, each in listing order. */
    public List<RemoteServiceAccount> of(String runId, String pass) {
        return jdbc.query("SELECT team_key, id, description FROM remote_service_account WHERE run_id = ? AND pass = ?"
                + " ORDER BY run_id, pass, team_key, seq", (rs, n) -> new RemoteServiceAccount(rs.getString(1),
                rs.getString(2), rs.getString(3)), runId, pass);
    }
}
