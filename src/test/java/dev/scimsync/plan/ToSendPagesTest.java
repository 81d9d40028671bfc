package dev.scimsync.plan;

import dev.scimsync.state.StateSchema;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The apply step's pages seek: on an H2 file state database with a large run (and other runs on either side of it),
 * H2's own count of the rows a page query reads stays near the page size wherever the page starts, instead of
 * growing with what is left of the run. A plan-shape check, not a timing.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ToSendPagesTest {

    private static final String RUN = "m-run";
    private static final int OPS = 200_000;
    private static final int PAGE = 500;
    /** Seq numbers of a phase start here, as the planner leaves gaps between phases. */
    private static final long PHASE = 1_000_000_000L;
    private static final Pattern SCAN_COUNT = Pattern.compile("scanCount: (\\d+)");

    @TempDir
    static Path dir;
    private static JdbcDataSource dataSource;
    private static ToSendPages pages;

    @BeforeAll
    static void aLargeRunBetweenTwoOthers() throws Exception {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:" + dir.resolve("state").toAbsolutePath() + ";LAZY_QUERY_EXECUTION=TRUE");
        new StateSchema(dataSource);
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO planned_op (run_id, seq, phase, kind,"
                     + " object_key, payload, state, attempts) VALUES (?, ?, ?, 'CREATE_USER', ?, '{}', ?, 0)")) {
            c.setAutoCommit(false);
            insertRun(insert, "a-run", 5_000);
            insertRun(insert, RUN, OPS);
            insertRun(insert, "z-run", 5_000);
            c.commit();
        }
        pages = ToSendPages.pagesOf(dataSource);
    }

    private static void insertRun(PreparedStatement insert, String runId, int ops) throws Exception {
        for (int i = 0; i < ops; i++) {
            insert.setString(1, runId);
            insert.setLong(2, seq(i));
            insert.setInt(3, phase(i));
            insert.setString(4, "user" + i + "@example.com");
            insert.setString(5, state(i).name());
            insert.addBatch();
            if (i % 5_000 == 4_999) {
                insert.executeBatch();
            }
        }
        insert.executeBatch();
    }

    private static int phase(int i) {
        return i * 4 / OPS;
    }

    private static long seq(int i) {
        return phase(i) * PHASE + i;
    }

    /** Every kind of state, the ones to send among the others. */
    private static OpState state(int i) {
        OpState[] states = OpState.values();
        return states[i % states.length];
    }

    private static boolean toSend(int i) {
        return state(i) == OpState.PENDING || state(i) == OpState.SENDING;
    }

    /** Where pages start: the first, and after the operation at each of these fractions of the run. */
    @ParameterizedTest
    @ValueSource(doubles = {-1, 0.0001, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99})
    void aPageReadsAboutAPageOfRowsWhereverItStarts(double at) {
        NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(dataSource);
        String sql = at < 0 ? pages.generateFirstPageQuery(PAGE) : pages.generateRemainingPagesQuery(PAGE);
        long after = at < 0 ? 0 : seq((int) (OPS * at));
        String plan = String.join("\n", jdbc.queryForList("EXPLAIN ANALYZE " + sql,
                Map.of("runId", RUN, "_seq", after), String.class));

        Matcher scanned = SCAN_COUNT.matcher(plan);
        assertThat(scanned.find()).as(plan).isTrue();
        long toSendPerOp = java.util.Arrays.stream(OpState.values())
                .filter(s -> s == OpState.PENDING || s == OpState.SENDING).count();
        // a page of operations to send lies among at most this many rows of the run, plus the one that ends it
        long bound = (long) PAGE * OpState.values().length / toSendPerOp + OpState.values().length + 1;
        assertThat(Long.parseLong(scanned.group(1))).as(plan).isLessThanOrEqualTo(bound);
        assertThat(plan).as(plan).contains("index sorted");
    }

    @Test
    void theReaderReadsEveryOperationToSendOfTheRunOnceInSequenceOrder() throws Exception {
        JdbcPagingItemReader<PlannedOp> reader = ToSendPages.reader(dataSource, RUN, PAGE);
        List<Long> read = new ArrayList<>();
        reader.open(new ExecutionContext());
        try {
            PlannedOp op;
            while ((op = reader.read()) != null) {
                assertThat(op.runId()).isEqualTo(RUN);
                assertThat(op.state()).isIn(OpState.PENDING, OpState.SENDING);
                read.add(op.seq());
            }
        } finally {
            reader.close();
        }
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < OPS; i++) {
            if (toSend(i)) {
                expected.add(seq(i));
            }
        }
        assertThat(read).containsExactlyElementsOf(expected);
    }
}
