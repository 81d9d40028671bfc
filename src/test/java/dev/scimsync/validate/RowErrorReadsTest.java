package dev.scimsync.validate;

import dev.scimsync.state.QueryPlans;
import dev.scimsync.state.StateDatabase;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An input's errors are read in primary-key order: all of them (an index-sorted plan reading no more than that
 * input's errors, with other runs and kinds around them), and the first few for the report (about that many rows
 * read, however many errors the input has).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RowErrorReadsTest {

    private static final int ERRORS = 4_000;

    @Test
    void readsOneInputsErrorsInLineOrderAndTheFirstFewAlone() {
        StateDatabase db = new StateDatabase();
        Map<String, String> values = Map.of("kind", "CASEWHEN(MOD(X, 2) = 0, 'users', 'teams')", "seq", "MOD(X, 3)");
        for (String run : new String[] {"a-run", "r1", "z-run"}) {
            QueryPlans.fill(db.jdbc, "row_error", run, ERRORS, values);
        }

        QueryPlans.Plan all = QueryPlans.explain(db.jdbc, RowErrorRepository.OF_KIND, "r1", "users");
        assertThat(all.indexSorted()).as(all.text()).isTrue();
        assertThat(all.scanned()).as(all.text()).isLessThanOrEqualTo(ERRORS / 2 + 1);

        for (int shown : new int[] {1, 20, 500}) {
            QueryPlans.Plan first = QueryPlans.explain(db.jdbc, RowErrorRepository.OF_KIND + " FETCH FIRST " + shown
                    + " ROWS ONLY", "r1", "users");
            assertThat(first.scanned()).as(first.text()).isLessThanOrEqualTo(shown + 1);
            assertThat(db.rowErrors().first("r1", "users", shown)).hasSize(shown)
                    .extracting(RowErrorRecord::line).isSorted();
        }
    }
}
