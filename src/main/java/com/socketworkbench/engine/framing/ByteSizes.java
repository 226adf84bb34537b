package com.socketworkbench.engine.framing;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Byte counts as people write them: "16 MiB", "512K", "1048576". Units are binary (K = 1024). */
public final class ByteSizes {
    public static final long KIB = 1024;
    public static final long MIB = 1024 * KIB;
    public static final long GIB = 1024 * MIB;

    private static final Pattern SIZE = Pattern.compile("(\\d{1,19})\\s*([kmg]?)(i?b?)", Pattern.CASE_INSENSITIVE);

    private ByteSizes() {
    }

    /** "16 MiB" for exact multiples of a unit, otherwise "1000 bytes" ("1 byte"). */
    public static String format(long bytes) {
        if (bytes != 0 && bytes % GIB == 0) {
            return bytes / GIB + " GiB";
        }
        if (bytes != 0 && bytes % MIB == 0) {
            return bytes / MIB + " MiB";
        }
        if (bytes != 0 && bytes % KIB == 0) {
            return bytes / KIB + " KiB";
        }
        return count(bytes);
    }

    /** A plain count of bytes in words, never in units: "1 byte", "8 bytes" (a field's width, a frame's size). */
    static String count(long bytes) {
        return FramingTexts.TEXT.get(bytes == 1 ? "size.bytes.one" : "size.bytes.other", bytes);
    }

    /**
     * {@link #format} where that is exact, otherwise rounded to one decimal of the largest unit it reaches:
     * "96 MiB", "95.8 MiB", "1000 bytes".
     */
    public static String describe(long bytes) {
        long[] units = {GIB, MIB, KIB};
        String[] names = {"GiB", "MiB", "KiB"};
        for (int i = 0; i < units.length; i++) {
            if (bytes >= units[i]) {
                return bytes % units[i] == 0 ? format(bytes)
                        : String.format(Locale.ROOT, "%.1f %s", (double) bytes / units[i], names[i]);
            }
        }
        return format(bytes);
    }

    /**
     * Parses a plain number of bytes or a number with K, M or G (also KB/KiB, MB/MiB, GB/GiB, all meaning powers
     * of 1024).
     *
     * @throws IllegalArgumentException with a message for the user when the text is not a size
     */
    public static long parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        Matcher m = SIZE.matcher(trimmed);
        if (trimmed.isEmpty() || !m.matches() || (m.group(2).isEmpty() && !m.group(3).isEmpty()
                && !m.group(3).equalsIgnoreCase("b"))) {
            throw new IllegalArgumentException(FramingTexts.TEXT.get("error.size.invalid", trimmed));
        }
        long unit = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> KIB;
            case "m" -> MIB;
            case "g" -> GIB;
            default -> 1;
        };
        try {
            return Math.multiplyExact(Long.parseLong(m.group(1)), unit);
        } catch (ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException(FramingTexts.TEXT.get("error.size.large", trimmed), e);
        }
    }
}
