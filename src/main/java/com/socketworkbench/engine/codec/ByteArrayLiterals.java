package com.socketworkbench.engine.codec;

import java.util.Objects;

/**
 * Bytes as source code to paste into a program. Up to 12 values stay on one line; more are wrapped 12 to a line:
 * <pre>
 * unsigned char data[14] = {
 *     0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b,
 *     0x0c, 0x0d
 * };
 * </pre>
 */
public final class ByteArrayLiterals {

    public static final int VALUES_PER_LINE = 12;

    private static final String DEFAULT_NAME = "data";

    private ByteArrayLiterals() {
    }

    /** {@code unsigned char data[4] = { 0xde, 0xad, 0xbe, 0xef };} */
    public static String c(byte[] data) {
        return c(data, DEFAULT_NAME);
    }

    /** A C array named {@code name}. Empty data gives {@code unsigned char data[0] = { };} (a GNU C extension). */
    public static String c(byte[] data, String name) {
        Objects.requireNonNull(data, "data");
        return literal("unsigned char " + name + "[" + data.length + "] = ", data, false);
    }

    /** {@code byte[] data = { (byte) 0xde, (byte) 0xad, 0x7f };} */
    public static String java(byte[] data) {
        return java(data, DEFAULT_NAME);
    }

    /** A Java array named {@code name}; values above 0x7f carry the {@code (byte)} cast Java requires. */
    public static String java(byte[] data, String name) {
        Objects.requireNonNull(data, "data");
        return literal("byte[] " + name + " = ", data, true);
    }

    private static String literal(String declaration, byte[] data, boolean javaCasts) {
        StringBuilder sb = new StringBuilder(declaration.length() + data.length * (javaCasts ? 14 : 6) + 16);
        sb.append(declaration).append('{');
        if (data.length == 0) {
            return sb.append(" };").toString();
        }
        boolean wrapped = data.length > VALUES_PER_LINE;
        for (int i = 0; i < data.length; i++) {
            if (wrapped && i % VALUES_PER_LINE == 0) {
                sb.append(i == 0 ? "\n    " : ",\n    ");
            } else {
                sb.append(i == 0 ? " " : ", ");
            }
            int b = data[i] & 0xff;
            if (javaCasts && b > 0x7f) {
                sb.append("(byte) ");
            }
            sb.append("0x");
            HexCodec.appendHex(sb, b);
        }
        return sb.append(wrapped ? "\n};" : " };").toString();
    }
}
