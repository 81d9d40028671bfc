package dev.scimsync.input;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;

/**
 * An input file as the run saw it: its checksum decides whether {@code apply --plan} may go ahead.
 *
 * @param rowCount  the file's data records, blank ones not counted
 * @param header    the file's header fields as a JSON array, in file order (null for runs recorded before it was
 *                  kept), so failed rows can be written back under the file's own headers
 * @param keyedRows the records whose key columns are filled in (null for runs recorded before it was kept)
 * @param partial   whether the file is a partial input: a failed-rows file fed back, or given with
 *                  {@code --partial}; its rows are applied, but nothing it lacks is absent and it is never the
 *                  row-drop guard's reference
 */
public record InputFileRecord(String kind, String path, String sha256, long rowCount, String header, Long keyedRows,
                              boolean partial) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static InputFileRecord of(String kind, String path, String sha256, long rowCount, long keyedRows,
                                     List<String> header, boolean partial) {
        return new InputFileRecord(kind, path, sha256, rowCount, JSON.writeValueAsString(header), keyedRows, partial);
    }

    /** The rows that carry a key, or, for a run recorded before they were counted, all its rows. */
    public long keyedRowsOrRows() {
        return keyedRows != null ? keyedRows : rowCount;
    }

    /** The header fields, or an empty list when none was recorded. */
    public List<String> headerFields() {
        return header == null ? List.of() : JSON.readValue(header, new TypeReference<List<String>>() { });
    }
}
