package dev.scimsync.apply;

import dev.scimsync.snapshot.RemoteOrg;
import dev.scimsync.snapshot.SnapshotRepository;
import dev.scimsync.state.StateSchema;

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
public class TargetIdLookup {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final SnapshotRepository remoteOrgs;

    public TargetIdLookup(JdbcTemplate jdbc, StateSchema schema, SnapshotRepository remoteOrgs) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.remoteOrgs = remoteOrgs;
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
                  AND o.state = 'DONE' AND o.result_id IS NOT NULL AND o.object_key IN (:keys)""", params, rs -> {
            ids.putIfAbsent(rs.getString(1), rs.getString(2));
        });
        RemoteOrg org = remoteOrgs.load(opsRunId, SnapshotRepository.SNAPSHOT);
        for (String key : emailKeys) {
            RemoteOrg.User user = org.userByEmailKey(key);
            if (user != null) {
                ids.putIfAbsent(key, user.id());
            }
        }
        return ids;
    }

    /** The id of a team (by lower-case name): listed by the snapshot, or created by this run. */
    public Optional<String> team(String opsRunId, String teamKey) {
        RemoteOrg.Group listed = remoteOrgs.load(opsRunId, SnapshotRepository.SNAPSHOT).groupByNameKey(teamKey);
        if (listed != null) {
            return Optional.of(listed.id());
        }
        List<String> ids = jdbc.queryForList("""
                SELECT result_id FROM planned_op WHERE run_id = ? AND kind = 'CREATE_TEAM' AND state = 'DONE'
                  AND object_key = ? AND result_id IS NOT NULL""", String.class, opsRunId, teamKey);
        return ids.stream().findFirst();
    }
}
