package dev.scimsync.plan;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts the values of the role columns a target does not apply, so that a run says once per column how many were
 * left out and why, instead of failing a request per row.
 */
@Component
public class UnappliedValues {

    static final String WHY = "a W&B attribute; a plain SCIM 2.0 target (dialect scim2) is sent only RFC 7643's"
            + " core attributes";

    /**
     * @param kind   the input ({@code users}, {@code memberships})
     * @param column the column as the inputs name it ({@code org_role}, {@code role})
     * @param values rows with a value in that column
     */
    public record Column(String kind, String column, long values, String reason) {

        /** E.g. {@code users.csv column org_role: 12 values not applied (reason)}. */
        public String describe() {
            return kind + ".csv column " + column + ": " + values + (values == 1 ? " value" : " values")
                    + " not applied (" + reason + ")";
        }
    }

    private final JdbcTemplate jdbc;

    public UnappliedValues(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The columns with values that {@code columns} leaves out, in the run's desired rows; empty when none. */
    public List<Column> of(String runId, RoleColumns columns) {
        List<Column> unapplied = new ArrayList<>(2);
        if (!columns.orgRole()) {
            add(unapplied, "users", "org_role",
                    "SELECT COUNT(*) FROM desired_user WHERE run_id = ? AND org_role IS NOT NULL", runId);
        }
        if (!columns.teamRole()) {
            add(unapplied, "memberships", "role",
                    "SELECT COUNT(*) FROM desired_member WHERE run_id = ? AND role IS NOT NULL", runId);
        }
        return unapplied;
    }

    private void add(List<Column> unapplied, String kind, String column, String sql, String runId) {
        Long n = jdbc.queryForObject(sql, Long.class, runId);
        if (n != null && n > 0) {
            unapplied.add(new Column(kind, column, n, WHY));
        }
    }
}
