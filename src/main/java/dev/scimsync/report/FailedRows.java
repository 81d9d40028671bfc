package dev.scimsync.report;

import dev.scimsync.input.PartialInputs;
import dev.scimsync.report.ResultRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes {@code failed-<kind>.csv} for each input: its rows that need a person (invalid, failed, held back, not
 * applied), each exactly as read, under the file's own header and in its column order, with a {@code reason} column
 * at the end. The reader ignores columns it does not know, so the file, once fixed, is fed back as it is. A file
 * that already ends with a {@code reason} column (a failed-rows file fed back) gets that column's value replaced
 * rather than a second one. Short rows are padded with empty cells so the reason stays in its column.
 */
final class FailedRows implements AutoCloseable {

    static final String REASON = PartialInputs.REASON;
    static final Set<RowStatus> WRITTEN = EnumSet.of(RowStatus.INVALID, RowStatus.FAILED, RowStatus.BLOCKED,
            RowStatus.PENDING);

    private static final Logger log = LoggerFactory.getLogger(FailedRows.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<String>> FIELDS = new TypeReference<>() { };

    private final Map<String, Output> outputs = new LinkedHashMap<>();

    /**
     * Opens one file per input kind, even when no row fails (an empty file says so).
     *
     * @param headers the header fields of each input, by kind; a kind without a recorded header gets no file
     */
    FailedRows(Path outDir, Map<String, List<String>> headers) {
        headers.forEach((kind, header) -> {
            if (header.isEmpty()) {
                log.warn("no header recorded for the {} input: failed-{}.csv is not written", kind, kind);
                return;
            }
            outputs.put(kind, new Output(outDir.resolve(fileName(kind)), header));
        });
    }

    static String fileName(String kind) {
        return "failed-" + kind + ".csv";
    }

    /** Writes the row when its status needs a person and it came from an input file. */
    void accept(ResultRow row, RowStatus status) {
        Output output = outputs.get(row.kind());
        if (output == null || row.line() == null || !WRITTEN.contains(status)) {
            return;
        }
        List<String> fields = row.raw() == null ? List.of() : JSON.readValue(row.raw(), FIELDS);
        output.write(fields, reason(row, status));
    }

    static String reason(ResultRow row, RowStatus status) {
        if (status == RowStatus.INVALID) {
            return row.reason();
        }
        StringBuilder s = new StringBuilder(status.label());
        if (row.opKind() != null) {
            s.append(" (").append(row.opKind().action());
            if (row.httpStatus() != null) {
                s.append(", HTTP ").append(row.httpStatus());
            }
            if (row.errorType() != null) {
                s.append(", ").append(row.errorType());
            }
            s.append(')');
        }
        if (row.detail() != null && !row.detail().isBlank()) {
            s.append(": ").append(row.detail());
        }
        return s.toString();
    }

    @Override
    public void close() {
        RuntimeException first = null;
        for (Output output : outputs.values()) {
            try {
                output.csv.close();
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** One failed-rows file: the input's header, plus a reason column unless its last column already is one. */
    private static final class Output {
        private final SafeCsv csv;
        private final int width;
        private final boolean endsWithReason;

        Output(Path file, List<String> header) {
            this.endsWithReason = REASON.equals(header.get(header.size() - 1).strip().toLowerCase(Locale.ROOT));
            this.width = endsWithReason ? header.size() - 1 : header.size();
            List<String> columns = new ArrayList<>(header.subList(0, width));
            columns.add(endsWithReason ? header.get(header.size() - 1) : REASON);
            this.csv = SafeCsv.open(file, columns.toArray(String[]::new));
        }

        void write(List<String> fields, String reason) {
            // a row fed back from a failed-rows file carries its old reason last: the new one replaces it
            List<Object> cells = new ArrayList<>(endsWithReason && fields.size() == width + 1
                    ? fields.subList(0, width) : fields);
            while (cells.size() < width) {
                cells.add("");
            }
            cells.add(reason);
            csv.row(cells.toArray());
        }
    }
}
