package com.socketworkbench.engine.fields;

import java.util.Locale;

/** A binary unsigned integer on the wire: {@code u8}, {@code u16be}, {@code u16le}, {@code u32be}, {@code u32le}. */
enum IntegerFormat {
    U8(1, false),
    U16BE(2, false),
    U16LE(2, true),
    U32BE(4, false),
    U32LE(4, true);

    private final int size;
    private final boolean littleEndian;

    IntegerFormat(int size, boolean littleEndian) {
        this.size = size;
        this.littleEndian = littleEndian;
    }

    /** The format written as a field option ("u16be"), or null for any other word. */
    static IntegerFormat named(String option) {
        for (IntegerFormat format : values()) {
            if (format.option().equals(option)) {
                return format;
            }
        }
        return null;
    }

    /** How the format is written in a field: "u16be". */
    String option() {
        return name().toLowerCase(Locale.ROOT);
    }

    int size() {
        return size;
    }

    /** The largest value the format holds. */
    long max() {
        return (1L << (8 * size)) - 1;
    }

    /** The low {@link #size} bytes of {@code value} (so a counter past the maximum wraps to 0). */
    byte[] bytes(long value) {
        byte[] out = new byte[size];
        for (int i = 0; i < size; i++) {
            int shift = 8 * (littleEndian ? i : size - 1 - i);
            out[i] = (byte) (value >>> shift);
        }
        return out;
    }
}
