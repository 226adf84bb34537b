package com.socketworkbench.engine.codec;

import java.util.Objects;

/**
 * The classic hex dump, 16 bytes a line:
 * <pre>
 * 00000010  48 65 6c 6c 6f 20 77 6f 72 6c 64 0a 00 ff 7f 41  |Hello world....A|
 * </pre>
 * Every line is computed on its own from a {@link ByteSource}, so a virtualised view over a huge body renders only
 * the lines it shows.
 */
public final class HexDump {

    public static final int BYTES_PER_LINE = 16;

    /** Width of a full hex column: 16 two-digit bytes and 15 single spaces. */
    static final int HEX_COLUMN_WIDTH = BYTES_PER_LINE * 3 - 1;

    private static final int MIN_OFFSET_DIGITS = 8;

    private HexDump() {
    }

    /** Lines needed for {@code length} bytes; 0 for no data. */
    public static long lineCount(long length) {
        if (length < 0) {
            throw new IllegalArgumentException("length must not be negative: " + length);
        }
        return length / BYTES_PER_LINE + (length % BYTES_PER_LINE == 0 ? 0 : 1);
    }

    /** The full line: offset, two spaces, hex column padded to full width, two spaces, {@code |ascii|}. */
    public static String line(ByteSource src, long lineIndex) {
        long length = src.length();
        byte[] bytes = lineBytes(src, length, lineIndex);
        StringBuilder sb = new StringBuilder(80);
        sb.append(offsetColumn(lineIndex, length)).append("  ");
        int hexStart = sb.length();
        appendHex(sb, bytes);
        sb.repeat(' ', HEX_COLUMN_WIDTH - (sb.length() - hexStart));
        sb.append("  |");
        appendAscii(sb, bytes);
        return sb.append('|').toString();
    }

    /** The offset of a line as at least 8 lowercase hex digits, more when the offset needs them. */
    public static String offsetColumn(long lineIndex) {
        return hexOffset(lineOffset(lineIndex), MIN_OFFSET_DIGITS);
    }

    /**
     * The offset of a line, as wide as the last line's offset in data of {@code length} bytes needs (at least 8
     * digits), so that all lines of one dump align.
     */
    public static String offsetColumn(long lineIndex, long length) {
        return hexOffset(lineOffset(lineIndex), offsetDigits(length));
    }

    /** The line's bytes as hex separated by single spaces, not padded (a short last line is shorter). */
    public static String hexColumn(ByteSource src, long lineIndex) {
        StringBuilder sb = new StringBuilder(HEX_COLUMN_WIDTH);
        appendHex(sb, lineBytes(src, lineIndex));
        return sb.toString();
    }

    /** The line's bytes as ASCII, printable 0x20..0x7e shown and everything else as '.', without the bars. */
    public static String asciiColumn(ByteSource src, long lineIndex) {
        StringBuilder sb = new StringBuilder(BYTES_PER_LINE);
        appendAscii(sb, lineBytes(src, lineIndex));
        return sb.toString();
    }

    /** The whole dump, lines joined with '\n' and no trailing newline; "" for no data. For small data. */
    public static String dump(byte[] data) {
        ByteSource src = ByteSource.of(data);
        long lines = lineCount(data.length);
        StringBuilder sb = new StringBuilder((int) Math.min(Integer.MAX_VALUE - 16, lines * 80));
        for (long i = 0; i < lines; i++) {
            if (i > 0) {
                sb.append('\n');
            }
            sb.append(line(src, i));
        }
        return sb.toString();
    }

    /** Hex digits used for offsets in a dump of {@code length} bytes. */
    static int offsetDigits(long length) {
        long lastLineOffset = Math.max(0, lineCount(length) - 1) * BYTES_PER_LINE;
        int needed = (64 - Long.numberOfLeadingZeros(lastLineOffset) + 3) / 4;
        return Math.max(MIN_OFFSET_DIGITS, needed);
    }

    private static long lineOffset(long lineIndex) {
        if (lineIndex < 0) {
            throw new IllegalArgumentException("line index must not be negative: " + lineIndex);
        }
        return Math.multiplyExact(lineIndex, BYTES_PER_LINE);
    }

    private static String hexOffset(long offset, int digits) {
        String hex = Long.toHexString(offset);
        return hex.length() >= digits ? hex : "0".repeat(digits - hex.length()) + hex;
    }

    private static byte[] lineBytes(ByteSource src, long lineIndex) {
        return lineBytes(Objects.requireNonNull(src, "src"), src.length(), lineIndex);
    }

    private static byte[] lineBytes(ByteSource src, long length, long lineIndex) {
        long lines = lineCount(length);
        if (lineIndex < 0 || lineIndex >= lines) {
            throw new IndexOutOfBoundsException("line " + lineIndex + " of a dump with " + lines + " lines");
        }
        return src.readAt(lineIndex * BYTES_PER_LINE, BYTES_PER_LINE);
    }

    private static void appendHex(StringBuilder sb, byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            HexCodec.appendHex(sb, bytes[i] & 0xff);
        }
    }

    private static void appendAscii(StringBuilder sb, byte[] bytes) {
        for (byte b : bytes) {
            sb.append(b >= 0x20 && b <= 0x7e ? (char) b : '.');
        }
    }
}
