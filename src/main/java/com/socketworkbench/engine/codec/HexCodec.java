package com.socketworkbench.engine.codec;

import java.io.ByteArrayOutputStream;
import java.util.Objects;

import com.socketworkbench.engine.text.Texts;

/**
 * Hex text to bytes and back, forgiving about the layouts people paste: contiguous ("deadbeef"), spaced
 * ("de ad be ef"), C-style ("0xde, 0xad"), colon or dash separated ("de:ad", "de-ad"), across several lines.
 */
public final class HexCodec {

    private static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.codec.codec");
    private static final char[] LOWER = "0123456789abcdef".toCharArray();
    private static final char[] UPPER = "0123456789ABCDEF".toCharArray();

    private HexCodec() {
    }

    /**
     * Parses hex text. Whitespace (including newlines) and {@code : , -} separate groups; a group may start each byte
     * with {@code 0x} or {@code 0X}; digits pair up within a group, so a group with an odd number of digits is an
     * error naming its lone last digit. Blank input gives an empty array.
     *
     * @throws PayloadFormatException naming the offending character's position
     */
    public static byte[] parse(String text) throws PayloadFormatException {
        Objects.requireNonNull(text, "text");
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() / 2);
        int high = -1;
        int highIndex = -1;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (isSeparator(c)) {
                if (high >= 0) {
                    throw oddDigit(text, highIndex);
                }
                i++;
                continue;
            }
            if (high < 0 && c == '0' && i + 1 < n && (text.charAt(i + 1) == 'x' || text.charAt(i + 1) == 'X')) {
                int afterPrefix = i + 2;
                if (afterPrefix >= n || isSeparator(text.charAt(afterPrefix))) {
                    throw new PayloadFormatException(TEXT.get("hex.prefix.alone", text.substring(i, i + 2),
                            PayloadFormatException.human(i)), i);
                }
                int digit = hexValue(text.charAt(afterPrefix));
                if (digit < 0) {
                    throw invalidDigit(text, afterPrefix);
                }
                // The digit after a prefix always starts a byte; otherwise "0x0x12" would read as one prefix.
                high = digit;
                highIndex = afterPrefix;
                i = afterPrefix + 1;
                continue;
            }
            int digit = hexValue(c);
            if (digit < 0) {
                throw invalidDigit(text, i);
            }
            if (high < 0) {
                high = digit;
                highIndex = i;
            } else {
                out.write(high << 4 | digit);
                high = -1;
            }
            i++;
        }
        if (high >= 0) {
            throw oddDigit(text, highIndex);
        }
        return out.toByteArray();
    }

    /** Lowercase hex, bytes separated by single spaces: {@code "de ad be ef"}; empty data gives "". */
    public static String format(byte[] data) {
        return format(data, 0, data.length, false);
    }

    /** Hex of {@code len} bytes from {@code off}, separated by single spaces. */
    public static String format(byte[] data, int off, int len, boolean upperCase) {
        Objects.checkFromIndexSize(off, len, data.length);
        if (len == 0) {
            return "";
        }
        char[] digits = upperCase ? UPPER : LOWER;
        char[] out = new char[len * 3 - 1];
        for (int i = 0; i < len; i++) {
            int b = data[off + i] & 0xff;
            int at = i * 3;
            if (i > 0) {
                out[at - 1] = ' ';
            }
            out[at] = digits[b >>> 4];
            out[at + 1] = digits[b & 0xf];
        }
        return new String(out);
    }

    /** Appends the two lowercase hex digits of {@code b}. */
    static void appendHex(StringBuilder sb, int b) {
        sb.append(LOWER[(b >>> 4) & 0xf]).append(LOWER[b & 0xf]);
    }

    /** 0..15 for an ASCII hex digit, -1 otherwise (Character.digit would also accept fullwidth digits). */
    static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static boolean isSeparator(char c) {
        return c == ':' || c == ',' || c == '-' || Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static PayloadFormatException invalidDigit(String text, int index) {
        return new PayloadFormatException(TEXT.get("hex.invalid", CharNames.describeAt(text, index),
                PayloadFormatException.human(index)), index);
    }

    private static PayloadFormatException oddDigit(String text, int index) {
        return new PayloadFormatException(TEXT.get("hex.odd", CharNames.describeAt(text, index),
                PayloadFormatException.human(index)), index);
    }
}
