package dev.scimsync.verify;

import dev.scimsync.plan.OpKind;
import dev.scimsync.plan.PlannedOpRepository;
import dev.scimsync.snapshot.RemoteOrg;
import dev.scimsync.plan.UserPayload;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Compares every applied user operation with the target as listed again after applying, and marks each operation ok
 * or mismatch.
 */
@Component
public class UserVerifier {

    private static final String USER_KINDS = "'CREATE_USER', 'REACTIVATE_USER', 'UPDATE_USER', 'DEACTIVATE_USER',"
            + " 'REMOVE_USER'";

    /**
     * The applied user operations, in sequence order: ordered by the primary key's columns, {@code run_id} too, so
     * that H2 reads the run in index order instead of sorting every matching operation first.
     */
    static final String APPLIED = """
            SELECT o.seq, o.kind, o.payload, COALESCE(o.result_id, o.target_id) AS id
            FROM planned_op o
            WHERE o.run_id = ? AND o.state = 'DONE' AND o.verified IS NULL
              AND o.kind IN (""" + USER_KINDS + ") ORDER BY o.run_id, o.seq";

    private final JdbcTemplate jdbc;
    private final PlannedOpRepository plannedOps;
    public UserVerifier(JdbcTemplate jdbc, PlannedOpRepository plannedOps) {
        this.jdbc = jdbc;
        this.plannedOps = plannedOps;
    }

    /**
     * @param listed the target as listed after applying
     * @return the number of applied operations whose effect the target does not show
     */
    public long verify(RemoteOrg listed, String opsRunId) {
        record Verdict(long seq, String problem) {
        }
        List<Verdict> verdicts = new ArrayList<>();
        jdbc.query(APPLIED, rs -> {
            OpKind kind = OpKind.valueOf(rs.getString("kind"));
            UserPayload p = UserPayload.fromJson(rs.getString("payload"));
            RemoteOrg.User user = listed.userById(rs.getString("id"));
            String problem;
            if (kind == OpKind.DEACTIVATE_USER) {
                problem = user != null && user.active() ? "still active" : null;
            } else if (kind == OpKind.REMOVE_USER) {
                problem = user != null ? "still listed in the organisation" : null;
            } else if (user == null) {
                problem = "not found on the target";
            } else if (!user.active()) {
                problem = "inactive on the target";
            } else {
                String role = kind == OpKind.UPDATE_USER ? p.newOrgRole() : p.orgRole();
                String name = kind == OpKind.UPDATE_USER ? p.newDisplayName() : p.displayName();
                problem = differs("org_role", role, user.orgRole(), true);
                if (problem == null) {
                    problem = differs("display_name", name, user.displayName(), false);
                }
            }
            if (problem != null) {
                verdicts.add(new Verdict(rs.getLong("seq"), problem));
            }
        }, opsRunId);
        for (Verdict v : verdicts) {
            plannedOps.markVerified(opsRunId, v.seq(), "mismatch", "verify: " + v.problem());
        }
        // every other applied user operation shows: one statement, not one per operation
        plannedOps.markVerifiedOk(opsRunId, USER_KINDS);
        long mismatches = verdicts.size();
        return mismatches;
    }

    private static String differs(String attribute, String desired, String actual, boolean ignoreCase) {
        if (desired == null || (ignoreCase ? desired.equalsIgnoreCase(actual) : Objects.equals(desired, actual))) {
            return null;
        }
        return attribute + " is '" + actual + "', expected '" + desired + "'";
    }
}
