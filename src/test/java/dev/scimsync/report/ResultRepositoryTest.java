package dev.scimsync.report;

import dev.scimsync.plan.OpKind;
import dev.scimsync.plan.OpState;
import dev.scimsync.plan.PlannedOp;
import dev.scimsync.state.StateDatabase;
import dev.scimsync.validate.DesiredMember;
import dev.scimsync.validate.DesiredRole;
import dev.scimsync.validate.DesiredSetRepository;
import dev.scimsync.validate.DesiredTeam;
import dev.scimsync.validate.DesiredUser;
import dev.scimsync.validate.RowErrorRecord;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The results merged from each table read in order are what one SQL query joining every row to its operations
 * gives (the query the report used before, kept here as the reference).
 */
class ResultRepositoryTest {

    private static final String OP_COLUMNS = "o.kind AS op_kind, o.state, COALESCE(o.result_id, o.target_id) AS"
            + " target_id, o.http_status, o.error_type, o.detail, COALESCE(o.attempts, 0) AS attempts, o.verified,"
            + " CAST(NULL AS VARCHAR(4000)) AS reason, d.raw, COALESCE(o.seq, 0) AS seq";

    private static final String REFERENCE = desired("users", "desired_user", "d.email_key")
            + " UNION ALL " + desired("teams", "desired_team", "d.name_key")
            + " UNION ALL " + desired("memberships", "desired_member", "CONCAT(d.team_key, '/', d.email_key)")
            + " UNION ALL " + desired("roles", "desired_role", "d.name")
            + """
             UNION ALL
            SELECT e.kind, e.line_no, e.row_key, NULL, NULL, NULL, NULL, NULL, NULL, 0, NULL,
                   CASE WHEN e.column_name IS NULL THEN e.reason ELSE CONCAT(e.column_name, ': ', e.reason) END,
                   e.raw, e.seq
            FROM row_error e WHERE e.run_id = ?
            UNION ALL
            SELECT o.input_kind, NULL, o.object_key, o.kind, o.state, COALESCE(o.result_id, o.target_id),
                   o.http_status, o.error_type, o.detail, o.attempts, o.verified, NULL, NULL, o.seq
            FROM planned_op o WHERE o.run_id = ? AND o.line_no IS NULL
            ORDER BY 1, 2 NULLS LAST, 3, 14""";

    private static String desired(String kind, String table, String key) {
        return "SELECT '" + kind + "' AS kind, d.line_no, " + key + " AS row_key, " + OP_COLUMNS + " FROM " + table
                + " d LEFT JOIN planned_op o ON o.run_id = d.run_id AND o.input_kind = '" + kind + "'"
                + " AND o.line_no = d.line_no WHERE d.run_id = ?";
    }

    private final StateDatabase db = new StateDatabase();
    private final ResultRepository results = new ResultRepository(db.jdbc, db.schema);

    @Test
    void anEmptyRunHasNoResults() {
        assertThat(merged("r1")).isEmpty();
    }

    @Test
    void randomRunsGiveWhatTheJoinGives() {
        for (int run = 0; run < 12; run++) {
            fill("r" + run, new Random(run));
        }
        for (int run = 0; run < 12; run++) {
            List<ResultRow> reference = reference("r" + run);
            assertThat(merged("r" + run)).as("run %d", run).isEqualTo(reference).isNotEmpty();
            String runId = "r" + run;
            List<ResultRow> inTransaction = new TransactionTemplate(db.transactions).execute(tx -> merged(runId));
            assertThat(inTransaction)
                    .as("run %d in a transaction, as in the job", run).isEqualTo(reference);
        }
    }

    private void fill(String runId, Random random) {
        List<DesiredUser> users = new ArrayList<>();
        List<DesiredTeam> teams = new ArrayList<>();
        List<DesiredMember> members = new ArrayList<>();
        List<DesiredRole> roles = new ArrayList<>();
        List<RowErrorRecord> errors = new ArrayList<>();
        List<PlannedOp> ops = new ArrayList<>();
        String[] kinds = {"users", "teams", "memberships", "roles"};
        long seq = 100;
        int lines = 20 + random.nextInt(200);
        for (String kind : kinds) {
            for (long line = 2; line < lines; line++) {
                String key = "k" + random.nextInt(lines);
                int what = random.nextInt(10);
                boolean valid = what < 7 || what == 9;
                if (valid) {
                    switch (kind) {
                        case "users" -> users.add(StateDatabase.user(line, key + "@X.org", "member", null, true));
                        case "teams" -> teams.add(new DesiredTeam(line, key.toUpperCase(), key));
                        case "memberships" -> members.add(new DesiredMember(line, "T", "t", key + "@x.org",
                                key + "@x.org", null));
                        default -> roles.add(new DesiredRole(line, key, "viewer", List.of(), null));
                    }
                }
                if (!valid || what == 9) {
                    int reasons = 1 + random.nextInt(3);
                    String rowKey = random.nextInt(5) == 0 ? null : random.nextBoolean() ? key : "t/" + key;
                    for (int n = 1; n <= reasons; n++) {
                        errors.add(new RowErrorRecord(kind, line, n, random.nextBoolean() ? null : "col" + n,
                                "reason " + n + " of " + line, rowKey, "[\"e" + line + "\"]"));
                    }
                }
                int lineOps = random.nextInt(4) == 0 ? 1 + random.nextInt(3) : 0;
                for (int n = 0; n < lineOps; n++) {
                    ops.add(op(runId, seq++, kind, key, valid || random.nextBoolean() ? line : lines + line,
                            random));
                }
            }
            for (int n = random.nextInt(5); n > 0; n--) {
                ops.add(op(runId, seq++, kind, "gone" + random.nextInt(3), null, random));
            }
        }
        java.util.Collections.shuffle(ops, random);
        db.desiredUsers().insert(runId, users, raws(users.size()));
        DesiredSetRepository sets = new DesiredSetRepository(db.jdbc, db.schema);
        sets.insertTeams(runId, teams, raws(teams.size()));
        sets.insertMembers(runId, members, raws(members.size()));
        sets.insertRoles(runId, roles, raws(roles.size()));
        db.rowErrors().insert(runId, errors);
        db.plannedOps().insert(ops);
        db.jdbc.update("UPDATE planned_op SET verified = 'ok' WHERE run_id = ? AND MOD(seq, 7) = 0", runId);
    }

    private static PlannedOp op(String runId, long seq, String kind, String key, Long line, Random random) {
        OpState state = OpState.values()[random.nextInt(OpState.values().length)];
        OpKind opKind = OpKind.values()[random.nextInt(OpKind.values().length)];
        return new PlannedOp(runId, seq, opKind, key, kind, line, random.nextBoolean() ? null : "id" + seq, null,
                null, "{}", state, random.nextBoolean() ? null : "res" + seq,
                random.nextBoolean() ? null : 200 + random.nextInt(300), random.nextBoolean() ? null : "type",
                random.nextBoolean() ? null : "detail " + seq, random.nextInt(3));
    }

    private static List<String> raws(int count) {
        List<String> raws = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            raws.add("[\"" + i + "\"]");
        }
        return raws;
    }

    private List<ResultRow> merged(String runId) {
        List<ResultRow> rows = new ArrayList<>();
        results.forEach(runId, rows::add);
        return rows;
    }

    /** What the report read before: the reference query, with the rows of one input row merged alike. */
    private List<ResultRow> reference(String runId) {
        List<ResultRow> rows = new ArrayList<>();
        ResultRow[] held = new ResultRow[1];
        db.jdbc.query(REFERENCE, rs -> {
            String opKind = rs.getString("op_kind");
            String state = rs.getString("state");
            String reason = rs.getString("reason");
            ResultRow row = new ResultRow(rs.getString("kind"), (Long) rs.getObject("line_no", Long.class),
                    rs.getString("row_key"), opKind == null ? null : OpKind.valueOf(opKind),
                    state == null ? null : OpState.valueOf(state), rs.getString("target_id"),
                    (Integer) rs.getObject("http_status", Integer.class), rs.getString("error_type"),
                    rs.getString("detail"), reason == null ? rs.getInt("attempts") : 0, rs.getString("verified"),
                    reason, rs.getString("raw"));
            if (held[0] != null && held[0].sameRow(row)) {
                held[0] = held[0].merge(row);
                return;
            }
            if (held[0] != null) {
                rows.add(held[0]);
            }
            held[0] = row;
        }, runId, runId, runId, runId, runId, runId);
        if (held[0] != null) {
            rows.add(held[0]);
        }
        return rows;
    }
}
