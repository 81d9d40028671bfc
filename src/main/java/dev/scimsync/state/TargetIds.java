package dev.scimsync.state;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The target's ids of users and teams, as an operation needs them when it is sent: from the snapshot, or from the
 * operation of the same run that created (or linked) them.
 */
@Repository
public class TargetIds {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public TargetIds(JdbcTemplate jdbc, StateSchema schema) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /** Lower-case email → user id, for those of {@code emailKeys} that have one. */
    public Map<String, String> users(String opsRunId, Collection<String> emailKeys) {
        Map<String, String> ids = new HashMap<>();
        if (emailKeys.isEmpty()) {
            return ids;
        }
        MapSqlParameterSource params = new MapSqlParameterSource("run", opsRunId).addValue("keys", emailKeys);
        named.query("""
                SELECT o.object_key, o.result_id FROM planned_op o WHERE o.run_id = :run AND o.kind = 'CREATE_USER'
                  AND o.state = 'DONE' AND o.result_id IS NOT NULL AND o.object_key IN (:keys)
                UNION ALL
                SELECT r.email_key, r.id FROM remote_user r WHERE r.run_id = :run AND r.pass = 'snapshot'
                  AND r.email_key IN (:keys)""", params, rs -> {
            ids.putIfAbsent(rs.getString(1), rs.getString(2));
        });
        return ids;
    }

    /** The id of a team (by lower-case name): listed by the snapshot, or created by this run. */
    public Optional<String> team(String opsRunId, String teamKey) {
        List<String> ids = jdbc.queryForList("""
                SELECT id FROM remote_group WHERE run_id = ? AND pass = 'snapshot' AND name_key = ?
                UNION ALL
                SELECT result_id FROM planned_op WHERE run_id = ? AND kind = 'CREATE_TEAM' AND state = 'DONE'
                  AND object_key = ? AND result_id IS NOT NULL""", String.class, opsRunId, teamKey, opsRunId, teamKey);
        return ids.stream().findFirst();
    }
}
