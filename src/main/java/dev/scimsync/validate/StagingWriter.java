package dev.scimsync.validate;

import dev.scimsync.input.CsvRow;
import dev.scimsync.validate.RowErrorRecord;
import dev.scimsync.validate.RowErrorRepository;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Stages a chunk of validated rows of one input: valid rows into their {@code desired_*} table, invalid ones into
 * {@code row_error}, each with its raw fields so that failed rows can be written back in the input's format.
 *
 * @param <T> the row's desired-state record
 */
public final class StagingWriter<T> implements ItemWriter<Validated<T>> {

    /** Inserts valid rows, with their raw fields as JSON arrays in the same order. */
    @FunctionalInterface
    public interface Table<T> {
        void insert(String runId, List<T> rows, List<String> raws);
    }

    private final Supplier<String> runId;
    private final Table<T> table;
    private final Function<CsvRow, String> rowKey;
    private final RowErrorRepository rowErrors;

    /**
     * @param rowKey the key of an invalid row (a lower-case email, team...), kept so that the row still protects
     *               its object from being treated as absent; null or empty when the row has none
     */
    public StagingWriter(Supplier<String> runId, Table<T> table, Function<CsvRow, String> rowKey,
                         RowErrorRepository rowErrors) {
        this.runId = runId;
        this.table = table;
        this.rowKey = rowKey;
        this.rowErrors = rowErrors;
    }

    @Override
    public void write(Chunk<? extends Validated<T>> chunk) {
        List<T> valid = new ArrayList<>(chunk.size());
        List<String> raws = new ArrayList<>(chunk.size());
        List<RowErrorRecord> errors = new ArrayList<>();
        for (Validated<T> item : chunk) {
            String raw = RawJson.array(item.row().rawValues());
            if (item.valid()) {
                valid.add(item.value());
                raws.add(raw);
                continue;
            }
            String key = rowKey.apply(item.row());
            int seq = 0;
            for (RowError error : item.errors()) {
                errors.add(new RowErrorRecord(error.kind().id(), error.line(), ++seq, error.column(), error.reason(),
                        key == null || key.isEmpty() ? null : key, raw));
            }
        }
        String run = runId.get();
        table.insert(run, valid, raws);
        rowErrors.insert(run, errors);
    }
}
