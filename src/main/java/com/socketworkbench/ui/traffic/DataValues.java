package com.socketworkbench.ui.traffic;

import com.socketworkbench.engine.codec.ByteText;
import com.socketworkbench.engine.text.Texts;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * What the data inspector shows for a selection of bytes: each {@link Type} read from the selection's first bytes,
 * in both byte orders, plus the bits and the text. Pure functions, no JavaFX, so every type is unit-tested.
 *
 * <p>A selection shorter than a type needs reads "needs N bytes" for it; a longer one is read from its start, the way
 * hex editors do, so one selection shows every width at once.
 */
public final class DataValues {
    /** The bits of at most this many bytes are shown ("01001000 01101001 …"). */
    static final int MAX_BIT_BYTES = 8;
    /** The text row decodes at most this many bytes; the rest of a large selection is for copying. */
    static final int MAX_TEXT_BYTES = 256;

    private static final Texts TEXT = TrafficTexts.TEXT;

    /** The numeric and address types, with the bytes each needs. */
    public enum Type {
        INT8(1, "data.int8"), UINT8(1, "data.uint8"),
        INT16(2, "data.int16"), UINT16(2, "data.uint16"),
        INT32(4, "data.int32"), UINT32(4, "data.uint32"),
        INT64(8, "data.int64"), UINT64(8, "data.uint64"),
        FLOAT32(4, "data.float32"), FLOAT64(8, "data.float64"),
        UNIX_SECONDS(4, "data.unix"), UNIX_MILLIS(8, "data.unix.millis"),
        IPV4(4, "data.ipv4");

        private final int bytes;
        private final String key;

        Type(int bytes, String key) {
            this.bytes = bytes;
            this.key = key;
        }

        public int bytes() {
            return bytes;
        }

        /** The type's name as the inspector labels it. */
        public String label() {
            return TEXT.get(key);
        }
    }

    private DataValues() {
    }

    /** {@code type} read from the first bytes of {@code selection} in {@code order}, or "needs N bytes". */
    public static String value(byte[] selection, Type type, ByteOrder order) {
        if (selection.length < type.bytes) {
            return type.bytes == 1 ? TEXT.get("data.needs.one") : TEXT.get("data.needs", type.bytes);
        }
        ByteBuffer in = ByteBuffer.wrap(selection, 0, type.bytes).order(order);
        return switch (type) {
            case INT8 -> Byte.toString(in.get());
            case UINT8 -> Integer.toString(in.get() & 0xff);
            case INT16 -> Short.toString(in.getShort());
            case UINT16 -> Integer.toString(in.getShort() & 0xffff);
            case INT32 -> Integer.toString(in.getInt());
            case UINT32 -> Integer.toUnsignedString(in.getInt());
            case INT64 -> Long.toString(in.getLong());
            case UINT64 -> Long.toUnsignedString(in.getLong());
            case FLOAT32 -> Float.toString(in.getFloat());
            case FLOAT64 -> Double.toString(in.getDouble());
            case UNIX_SECONDS -> instant(Integer.toUnsignedLong(in.getInt()), false);
            case UNIX_MILLIS -> instant(in.getLong(), true);
            case IPV4 -> ipv4(in);
        };
    }

    /** The bits of the first {@value #MAX_BIT_BYTES} bytes, most significant first, a space between bytes. */
    public static String bits(byte[] selection) {
        StringBuilder out = new StringBuilder();
        int shown = Math.min(selection.length, MAX_BIT_BYTES);
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                out.append(' ');
            }
            String bits = Integer.toBinaryString(selection[i] & 0xff);
            out.repeat('0', 8 - bits.length()).append(bits);
        }
        if (selection.length > shown) {
            out.append(" …");
        }
        return out.toString();
    }

    /** The selection decoded in {@code charset} (its first {@value #MAX_TEXT_BYTES} bytes). */
    public static String text(byte[] selection, Charset charset) {
        int shown = Math.min(selection.length, MAX_TEXT_BYTES);
        String text = ByteText.decode(selection, 0, shown, charset);
        return shown < selection.length ? text + "…" : text;
    }

    private static String instant(long value, boolean millis) {
        try {
            Instant instant = millis ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
            return DateTimeFormatter.ISO_INSTANT.format(instant);
        } catch (DateTimeException | ArithmeticException outOfRange) {
            return TEXT.get("data.unix.range");
        }
    }

    /** The four bytes in the order read: big endian is the address as it travels, little endian reversed. */
    private static String ipv4(ByteBuffer in) {
        int address = in.getInt();
        return (address >>> 24) + "." + ((address >>> 16) & 0xff) + "." + ((address >>> 8) & 0xff) + "."
                + (address & 0xff);
    }
}
