package dev.scimsync.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Checks a whole input file before anything is written: every file-level rejection (missing file, wrong encoding,
 * bad header, broken CSV anywhere in the file) happens here, so a job can stop with nothing changed.
 */
public final class InputGuard {

    private InputGuard() {
    }

    /**
     * Reads the whole file once through a {@link CsvRowReader}.
     *
     * @throws InputRejectedException when the file cannot be used
     */
    public static InputFileInfo inspect(InputKind kind, Path file, String displayName,
                                        Map<String, String> columnRenames) {
        return inspect(kind, file, displayName, ReadOptions.renames(columnRenames));
    }

    /**
     * Reads the whole file once through a {@link CsvRowReader} reading as {@code options} say.
     *
     * @throws InputRejectedException when the file cannot be used
     */
    public static InputFileInfo inspect(InputKind kind, Path file, String displayName, ReadOptions options) {
        CsvRowReader reader = new CsvRowReader(kind, file, displayName, options);
        String name = displayName != null ? displayName : file.toString();
        long rows = 0;
        long keyed = 0;
        reader.open(new ExecutionContext());
        List<String> header = reader.header();
        try {
            for (CsvRow row = reader.read(); row != null; row = reader.read()) {
                rows++;
                if (carriesKey(row)) {
                    keyed++;
                }
            }
        } finally {
            reader.close();
        }
        try {
            return new InputFileInfo(kind, name, sha256(file), rows, keyed, header);
        } catch (UncheckedIOException e) {
            throw new InputRejectedException(name, 0, null, "cannot read the file (" + e.getCause().getMessage() + ")");
        }
    }

    private static boolean carriesKey(CsvRow row) {
        return row.kind().keyColumns().stream().noneMatch(column -> row.get(column).isEmpty());
    }

    /**
     * The lower-case hex SHA-256 of a file's bytes.
     *
     * @throws UncheckedIOException when the file cannot be read
     */
    public static String sha256(Path file) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
