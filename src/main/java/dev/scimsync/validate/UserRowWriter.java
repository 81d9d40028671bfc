package dev.scimsync.validate;

import dev.scimsync.input.CsvRow;
import dev.scimsync.state.DesiredUser;
import dev.scimsync.state.DesiredUsers;
import dev.scimsync.state.RowErrorRecord;
import dev.scimsync.state.RowErrors;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Stages a chunk of validated users.csv rows: valid rows into {@code desired_user}, invalid ones into
 * {@code row_error}, each with its raw fields so that failed rows can be written back in the input's format.
 */
public final class UserRowWriter implements ItemWriter<Validated<DesiredUser>> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Supplier<String> runId;
    private final DesiredUsers desiredUsers;
    private final RowErrors rowErrors;

    public UserRowWriter(Supplier<String> runId, DesiredUsers desiredUsers, RowErrors rowErrors) {
        this.runId = runId;
        this.desiredUsers = desiredUsers;
        this.rowErrors = rowErrors;
    }

    @Override
    public void write(Chunk<? extends Validated<DesiredUser>> chunk) {
        List<DesiredUser> valid = new ArrayList<>();
        List<String> raws = new ArrayList<>();
        List<RowErrorRecord> errors = new ArrayList<>();
        for (Validated<DesiredUser> item : chunk) {
            String raw = raw(item.row());
            if (item.valid()) {
                valid.add(item.value());
                raws.add(raw);
                continue;
            }
            String key = item.row().get("email").toLowerCase(Locale.ROOT);
            int seq = 0;
            for (RowError error : item.errors()) {
                errors.add(new RowErrorRecord(error.kind().id(), error.line(), ++seq, error.column(), error.reason(),
                        key.isEmpty() ? null : key, raw));
            }
        }
        String run = runId.get();
        desiredUsers.insert(run, valid, raws);
        rowErrors.insert(run, errors);
    }

    static String raw(CsvRow row) {
        return JSON.writeValueAsString(row.rawValues());
    }
}
