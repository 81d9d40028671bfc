package dev.scimsync.input;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 and refuses anything else: a UTF-8 byte-order mark is skipped, a UTF-16 one, bytes that are not
 * UTF-8 and NUL characters (binary data) end reading with an {@link UnreadableInputException} that names the
 * physical line they are on. Nothing is ever silently replaced. With the Windows-1252 opt-in a file without a UTF-8
 * byte-order mark is decoded as Windows-1252 instead, as strictly: the five bytes it leaves undefined (0x81, 0x8D,
 * 0x8F, 0x90, 0x9D) are refused.
 */
final class StrictUtf8Reader extends Reader {

    static final String NOT_UTF8 = "not valid UTF-8 (save the file as UTF-8; a file Excel saved as plain \"CSV\" on"
            + " Windows is Windows-1252: set inputs.encoding: windows-1252 in the job file to read it)";
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    static final String UTF16 = "UTF-16 file: save it as UTF-8";
    /** The longest physical line read, in characters: 4 MiB. A longer one rejects the file (naming its line). */
    static final int MAX_LINE = 4 * 1024 * 1024;
    static final String BINARY = "contains NUL bytes: a binary file, or UTF-16 without a byte-order mark "
            + "(save the file as UTF-8 text)";

    private final InputStream in;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(8192);
    private final CharBuffer chars = CharBuffer.allocate(8192);
    private boolean endOfBytes;
    private boolean decoded;
    private long lineBreaks;
    private boolean afterCarriageReturn;
    private long lineLength;

    StrictUtf8Reader(InputStream in) throws IOException {
        this(in, false);
    }

    /** @param windows1252 decode as Windows-1252 unless the file starts with a UTF-8 byte-order mark */
    StrictUtf8Reader(InputStream in, boolean windows1252) throws IOException {
        this.in = in;
        byte[] start = in.readNBytes(3);
        if (start.length >= 2 && ((start[0] == (byte) 0xFE && start[1] == (byte) 0xFF)
                || (start[0] == (byte) 0xFF && start[1] == (byte) 0xFE))) {
            throw new UnreadableInputException(0, UTF16);
        }
        boolean utf8Bom = start.length == 3
                && start[0] == (byte) 0xEF && start[1] == (byte) 0xBB && start[2] == (byte) 0xBF;
        if (!utf8Bom) {
            bytes.put(start);
        }
        decoder = (windows1252 && !utf8Bom ? WINDOWS_1252 : StandardCharsets.UTF_8).newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        endOfBytes = start.length < 3;
        bytes.flip();
        chars.flip();
    }

    @Override
    public int read(char[] target, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!chars.hasRemaining() && !fill()) {
            return -1;
        }
        int n = Math.min(length, chars.remaining());
        chars.get(target, offset, n);
        return n;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Decodes the next characters into {@link #chars}; false at the end of the input. */
    private boolean fill() throws IOException {
        if (decoded) {
            return false;
        }
        chars.clear();
        while (true) {
            CoderResult result = decoder.decode(bytes, chars, endOfBytes);
            if (result.isError()) {
                scan(chars.position());
                throw new UnreadableInputException(lineBreaks + 1, decoder.charset().equals(StandardCharsets.UTF_8)
                        ? NOT_UTF8 : notWindows1252(bytes.get(bytes.position())));
            }
            if (chars.position() > 0 || result.isOverflow()) {
                break;
            }
            if (endOfBytes) {
                decoder.flush(chars);
                decoded = true;
                break;
            }
            readBytes();
        }
        scan(chars.position());
        chars.flip();
        return chars.hasRemaining();
    }

    private static String notWindows1252(byte undefined) {
        return String.format("byte 0x%02X is not a Windows-1252 character (inputs.encoding: windows-1252 is set;"
                + " is the file in another encoding? Save it as UTF-8)", undefined & 0xFF);
    }

    private void readBytes() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
        if (n < 0) {
            endOfBytes = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    /**
     * Counts line breaks (CR LF, LF or CR) in the newly decoded characters, refuses NUL and lines longer than
     * {@link #MAX_LINE}: one runaway line (a 20 MB cell, a file with no line breaks) must not be read whole.
     */
    private void scan(int end) throws UnreadableInputException {
        for (int i = 0; i < end; i++) {
            char c = chars.get(i);
            if (c == '\n') {
                if (!afterCarriageReturn) {
                    lineBreaks++;
                }
                afterCarriageReturn = false;
                lineLength = 0;
            } else if (c == '\r') {
                lineBreaks++;
                afterCarriageReturn = true;
                lineLength = 0;
            } else {
                afterCarriageReturn = false;
                if (c == '\0') {
                    throw new UnreadableInputException(lineBreaks + 1, BINARY);
                }
                if (++lineLength > MAX_LINE) {
                    throw new UnreadableInputException(lineBreaks + 1, "the line is longer than " + MAX_LINE
                            + " characters (4 MiB), the longest line scim-sync reads; is the export garbled?");
                }
            }
        }
    }

    /** The bytes cannot be read as UTF-8 text; {@code line} is 0 when the whole file is concerned. */
    static final class UnreadableInputException extends IOException {

        private final long line;
        private final String reason;

        UnreadableInputException(long line, String reason) {
            super(reason);
            this.line = line;
            this.reason = reason;
        }

        long line() {
            return line;
        }

        String reason() {
            return reason;
        }
    }
}
