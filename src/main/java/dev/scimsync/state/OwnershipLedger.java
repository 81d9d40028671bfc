package dev.scimsync.state;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The ownership ledger of each job: the users, memberships, teams and roles its inputs named in any run, and those
 * the tool created for it. Removals of absent objects are planned only for owned ones, so a user someone added by
 * hand, and no export ever listed, is never deactivated by a sync.
 */
@Repository
public class OwnershipLedger {

    /** The SQL condition that an object is owned by the job given as a parameter; {@code key} is a SQL expression. */
    public static String owned(String kind, String key) {
        return " EXISTS (SELECT 1 FROM owned_object w WHERE w.job_name = ? AND w.kind = '" + kind + "'"
                + " AND w.object_key = " + key + ")\n";
    }

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public OwnershipLedger(JdbcTemplate jdbc, StateSchema schema) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** Those of {@code keys} (of objects of {@code kind}) that the job owns; a null key is never owned. */
    public Set<String> owned(String jobName, String kind, Collection<String> keys) {
        Set<String> owned = new HashSet<>();
        for (List<String> batch : InLists.of(keys.stream().filter(Objects::nonNull).toList())) {
            owned.addAll(ownedOf(jobName, kind, batch));
        }
        return owned;
    }

    private List<String> ownedOf(String jobName, String kind, List<String> keys) {
        return named.queryForList("SELECT object_key FROM owned_object WHERE job_name = :job AND kind = :kind"
                + " AND object_key IN (:keys)", new MapSqlParameterSource("job", jobName).addValue("kind", kind)
                .addValue("keys", keys), String.class);
    }

    /** Records every object the run's inputs name. */
    public void recordInputs(String runId, String jobName) {
        record(jobName, runId, "users", "input", "email_key", "desired_user WHERE run_id = ?");
        record(jobName, runId, "teams", "input", "name_key", "desired_team WHERE run_id = ?");
        // a team memberships.csv names is one the job manages as much as one teams.csv names
        record(jobName, runId, "teams", "input", "team_key", "desired_member WHERE run_id = ?");
        record(jobName, runId, "memberships", "input", "CONCAT(team_key, '/', email_key)",
                "desired_member WHERE run_id = ?");
        record(jobName, runId, "roles", "input", "name", "desired_role WHERE run_id = ?");
    }

    /** Records what the run's applied operations created. */
    public void recordCreated(String opsRunId, String jobName) {
        record(jobName, opsRunId, "users", "created", "object_key", created("CREATE_USER"));
        record(jobName, opsRunId, "teams", "created", "object_key", created("CREATE_TEAM"));
        record(jobName, opsRunId, "memberships", "created", "object_key", created("ADD_MEMBER"));
        record(jobName, opsRunId, "roles", "created", "object_key", created("CREATE_ROLE"));
    }

    private static String created(String kind) {
        return "planned_op WHERE run_id = ? AND kind = '" + kind + "' AND state = 'DONE'";
    }

    /** Adds the keys {@code SELECT DISTINCT key FROM from} (one parameter: the run id) that are not there yet. */
    private void record(String jobName, String runId, String kind, String source, String key, String from) {
        jdbc.update("INSERT INTO owned_object (job_name, kind, object_key, source, first_run)"
                + " SELECT ?, ?, k.object_key, ?, ? FROM (SELECT DISTINCT " + key + " AS object_key FROM " + from
                + ") k WHERE NOT EXISTS (SELECT 1 FROM owned_object w WHERE w.job_name = ? AND w.kind = ?"
                + " AND w.object_key = k.object_key)", jobName, kind, source, runId, runId, jobName, kind);
    }
}
