package dev.scimsync.input;

import java.util.List;

/**
 * What {@link InputGuard#inspect} found out about a usable input file.
 *
 * @param file   the file as the user named it
 * @param sha256 hex SHA-256 of the file's bytes, to tell later whether the input changed
 * @param rows   number of data records (empty lines and the header not counted)
 * @param header the file's header fields exactly as read, in file order, so rows can be written back in its format
 */
public record InputFileInfo(InputKind kind, String file, String sha256, long rows, List<String> header) {

    public InputFileInfo {
        header = List.copyOf(header);
    }
}
