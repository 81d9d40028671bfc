package dev.scimsync.plan;

import org.springframework.batch.infrastructure.item.database.JdbcPagingItemReader;
import org.springframework.batch.infrastructure.item.database.Order;
import org.springframework.batch.infrastructure.item.database.builder.JdbcPagingItemReaderBuilder;
import org.springframework.batch.infrastructure.item.database.support.AbstractSqlPagingQueryProvider;

import javax.sql.DataSource;
import java.util.Map;

/**
 * The pages of a run's operations still to send (pending, or sending when a run stopped), in sequence order, as the
 * apply step reads them. Each page seeks to where the last one ended on {@code planned_op}'s primary key
 * {@code (run_id, seq)} and reads on from there until it is full, so a page costs the same early or late in a run of
 * any size.
 *
 * <p>Spring Batch's own query for a sort key {@code seq} orders by {@code seq} alone. H2 then does not see that the
 * primary key already gives that order (it reads in index order only when ORDER BY names the index's leading columns
 * too): it reads every remaining operation of the run and sorts them, for every page. Sorting by {@code run_id, seq}
 * here is the same order, as {@code run_id} is fixed; PostgreSQL reads by the primary key either way.
 */
public final class ToSendPages extends AbstractSqlPagingQueryProvider {

    static final String WHERE = "WHERE run_id = :runId AND state IN ('PENDING', 'SENDING')";

    private ToSendPages() {
        setSelectClause("SELECT " + PlannedOpRepository.COLUMNS);
        setFromClause("FROM planned_op");
        setWhereClause(WHERE);
        setSortKeys(Map.of("seq", Order.ASCENDING));
    }

    /** The reader of a run's operations still to send, {@code pageSize} at a time. */
    public static JdbcPagingItemReader<PlannedOp> reader(DataSource dataSource, String runId, int pageSize) {
        try {
            JdbcPagingItemReader<PlannedOp> reader = new JdbcPagingItemReaderBuilder<PlannedOp>()
                    .name("pending-ops")
                    // what is left is what planned_op says is left: a restart reads it again from the start
                    .saveState(false)
                    .dataSource(dataSource)
                    .queryProvider(pagesOf(dataSource))
                    .parameterValues(Map.of("runId", runId))
                    .pageSize(pageSize)
                    .rowMapper(PlannedOpRepository.MAPPER)
                    .build();
            reader.afterPropertiesSet();
            return reader;
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the reader of planned operations", e);
        }
    }

    static ToSendPages pagesOf(DataSource dataSource) throws Exception {
        ToSendPages pages = new ToSendPages();
        pages.init(dataSource);
        return pages;
    }

    @Override
    public String generateFirstPageQuery(int pageSize) {
        return query("", pageSize);
    }

    @Override
    public String generateRemainingPagesQuery(int pageSize) {
        return query(" AND seq > " + getSortKeyPlaceHolder("seq"), pageSize);
    }

    private String query(String after, int pageSize) {
        // FETCH FIRST is standard SQL, which both H2 and PostgreSQL read
        return "SELECT " + getSelectClause() + " FROM " + getFromClause() + " " + WHERE + after
                + " ORDER BY run_id, seq FETCH FIRST " + pageSize + " ROWS ONLY";
    }
}
