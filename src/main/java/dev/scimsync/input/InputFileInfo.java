package dev.scimsync.input;

import java.util.List;

/**
 * What {@link InputGuard#inspect} found out about a usable input file.
 *
 * @param file   the file as the user named it
 * @param sha256 hex SHA-256 of the file's bytes, to tell later whether the input changed
 * @param rows      number of data records (blank records and the header not counted)
 * @param keyedRows number of those whose key columns ({@link InputKind#keyColumns}) are all filled in: what
 *                  {@code policy.max-row-drop} compares, so padding rows without a key cannot hide a shrink
 * @param header    the file's header fields as read, in file order, so rows can be written back in its format
 */
public record InputFileInfo(InputKind kind, String file, String sha256, long rows, long keyedRows,
                            List<String> header) {

    public InputFileInfo {
        header = List.copyOf(header);
    }
}
