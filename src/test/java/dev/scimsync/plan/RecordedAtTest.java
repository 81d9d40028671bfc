package dev.scimsync.plan;

import dev.scimsync.state.StateDatabase;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** An operation's outcome keeps when it was recorded; an operation without an outcome has no such time. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RecordedAtTest {

    @Test
    void eachRecordedOutcomeHasTheTimeItWasRecordedAndTheOthersNone() {
        StateDatabase db = new StateDatabase();
        PlannedOpRepository ops = db.plannedOps();
        ops.insert(LongStream.rangeClosed(1, 6).mapToObj(seq -> PlannedOp.pending("r", seq, OpKind.CREATE_USER,
                "u" + seq + "@example.com", "users", seq, null, "", "", "{}")).toList());
        LocalDateTime before = LocalDateTime.now().minusSeconds(1);

        ops.record("r", List.of(OpOutcome.done(1, "id1", 201, null, 1), OpOutcome.failed(2, 400, "invalid", "no",
                1)));
        ops.record("r", List.of(OpOutcome.done(4, "id4", 201, null, 1)));

        LocalDateTime after = LocalDateTime.now().plusSeconds(1);
        List<Timestamp> times = db.jdbc.queryForList("SELECT recorded_at FROM planned_op WHERE run_id = 'r'"
                + " ORDER BY seq", Timestamp.class);
        assertThat(times).hasSize(6);
        for (int i : new int[] {0, 1, 3}) {
            assertThat(times.get(i).toLocalDateTime()).isBetween(before, after);
        }
        for (int i : new int[] {2, 4, 5}) {
            assertThat(times.get(i)).isNull();
        }
    }
}
