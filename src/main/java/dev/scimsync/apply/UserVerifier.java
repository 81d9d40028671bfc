package dev.scimsync.apply;

import dev.scimsync.state.OpKind;
import dev.scimsync.state.PlannedOps;
import dev.scimsync.state.UserPayload;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Compares every applied user operation with the target as listed again after applying (the {@code verify} pass of
 * {@code remote_user}), and marks each operation ok or mismatch.
 */
@Component
public class UserVerifier {

    private static final String USER_KINDS = "'CREATE_USER', 'REACTIVATE_USER', 'UPDATE_USER', 'DEACTIVATE_USER'";

    private static final String APPLIED = """
            SELECT o.seq, o.kind, o.payload, v.id AS v_id, v.active, v.org_role, v.display_name
            FROM planned_op o
            LEFT JOIN remote_user v ON v.run_id = ? AND v.pass = 'verify' AND v.id = COALESCE(o.result_id, o.target_id)
            WHERE o.run_id = ? AND o.state = 'DONE' AND o.verified IS NULL
              AND o.kind IN (""" + USER_KINDS + ") ORDER BY o.seq";

    private final JdbcTemplate jdbc;
    private final PlannedOps plannedOps;

    public UserVerifier(JdbcTemplate jdbc, PlannedOps plannedOps) {
        this.jdbc = jdbc;
        this.plannedOps = plannedOps;
    }

    /** @return the number of applied operations whose effect the target does not show */
    public long verify(String runId, String opsRunId) {
        record Verdict(long seq, String problem) {
        }
        List<Verdict> verdicts = new ArrayList<>();
        jdbc.query(APPLIED, rs -> {
            OpKind kind = OpKind.valueOf(rs.getString("kind"));
            UserPayload p = UserPayload.fromJson(rs.getString("payload"));
            boolean found = rs.getString("v_id") != null;
            String problem;
            if (kind == OpKind.DEACTIVATE_USER) {
                problem = found && rs.getBoolean("active") ? "still active" : null;
            } else if (!found) {
                problem = "not found on the target";
            } else if (!rs.getBoolean("active")) {
                problem = "inactive on the target";
            } else {
                String role = kind == OpKind.UPDATE_USER ? p.newOrgRole() : p.orgRole();
                String name = kind == OpKind.UPDATE_USER ? p.newDisplayName() : p.displayName();
                problem = differs("org_role", role, rs.getString("org_role"), true);
                if (problem == null) {
                    problem = differs("display_name", name, rs.getString("display_name"), false);
                }
            }
            if (problem != null) {
                verdicts.add(new Verdict(rs.getLong("seq"), problem));
            }
        }, runId, opsRunId);
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
