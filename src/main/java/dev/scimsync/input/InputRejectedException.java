package dev.scimsync.input;

/**
 * A whole input file cannot be used (missing, wrong encoding, no header, a required column missing, broken CSV).
 * Thrown before any row of the file reaches a writer, so a job stops before it changes anything.
 */
public final class InputRejectedException extends RuntimeException {

    private final String file;
    private final long line;
    private final String column;
    private final String reason;

    /**
     * @param file   the file as the user named it
     * @param line   the physical line the problem was found on, 0 when it concerns the whole file
     * @param column the header text concerned, or null
     * @param reason what is wrong, phrased for the person who has to fix the file
     */
    public InputRejectedException(String file, long line, String column, String reason) {
        super(format(file, line, column, reason));
        this.file = file;
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    /** The physical line number, 0 when not applicable. */
    public long line() {
        return line;
    }

    /** The header text concerned, or null. */
    public String column() {
        return column;
    }

    public String reason() {
        return reason;
    }

    private static String format(String file, long line, String column, String reason) {
        StringBuilder where = new StringBuilder(file);
        if (line > 0) {
            where.append(" line ").append(line);
        }
        if (column != null) {
            where.append(line > 0 ? ", column " : " column ").append(column);
        }
        return where.append(": ").append(reason).toString();
    }
}
