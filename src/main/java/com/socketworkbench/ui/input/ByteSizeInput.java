package com.socketworkbench.ui.input;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A size in bytes as typed ("48 MiB", "1.5 GiB", "512"; a plain number means MiB), judged live: an unreadable text,
 * an unknown unit or a size outside {@code min..max} is an error saying what to type instead. Units are binary
 * (KB, MB and GB are read as KiB, MiB and GiB).
 */
public final class ByteSizeInput extends TextInput {
    public static final long KIB = 1024;
    public static final long MIB = 1024 * KIB;
    public static final long GIB = 1024 * MIB;
    public static final long TIB = 1024 * GIB;

    private static final Pattern SIZE = Pattern.compile("(\\d+(?:[.,]\\d+)?)\\s*([A-Za-z]*)");
    private static final Map<String, Long> UNITS = Map.ofEntries(
            Map.entry("b", 1L),
            Map.entry("k", KIB), Map.entry("kb", KIB), Map.entry("kib", KIB),
            Map.entry("m", MIB), Map.entry("mb", MIB), Map.entry("mib", MIB),
            Map.entry("g", GIB), Map.entry("gb", GIB), Map.entry("gib", GIB),
            Map.entry("t", TIB), Map.entry("tb", TIB), Map.entry("tib", TIB));

    private final long min;
    private final long max;

    /**
     * @param maxReason why {@code max} is the limit, said after it ("three quarters of the 4 GiB heap"); may be empty
     */
    public ByteSizeInput(String initial, long min, long max, String maxReason) {
        super(initial, text -> check(text, min, max, maxReason));
        this.min = min;
        this.max = max;
    }

    private static InputVerdict check(String text, long min, long max, String maxReason) {
        try {
            long bytes = parse(text);
            if (bytes < min) {
                return InputVerdict.error(InputTexts.TEXT.get("size.atLeast", format(min)));
            }
            if (bytes > max) {
                return InputVerdict.error(maxReason.isEmpty() ? InputTexts.TEXT.get("size.atMost", format(max))
                        : InputTexts.TEXT.get("size.atMost.because", format(max), maxReason));
            }
            return InputVerdict.FINE;
        } catch (IllegalArgumentException e) {
            return InputVerdict.error(e.getMessage());
        }
    }

    /** The size typed, or -1 while the text is not a size within the limits. */
    public long bytes() {
        if (!isValid()) {
            return -1;
        }
        long bytes = parse(text());
        return bytes < min || bytes > max ? -1 : bytes;
    }

    /**
     * Reads "48 MiB", "1.5g", "512" (MiB), "4096 B".
     *
     * @throws IllegalArgumentException with what to type instead
     */
    public static long parse(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException(InputTexts.TEXT.get("size.empty"));
        }
        BigDecimal bytes = exactBytes(text, MIB, whole -> InputTexts.TEXT.get("size.notSize", whole),
                unit -> InputTexts.TEXT.get("size.notUnit", unit)).setScale(0, RoundingMode.HALF_UP);
        if (bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new IllegalArgumentException(InputTexts.TEXT.get("size.tooLarge", text));
        }
        return bytes.longValueExact();
    }

    /**
     * The bytes a number and a binary unit stand for ("1.5 KiB", "960 b"; KB is KiB), not rounded; a bare number
     * counts in {@code plainUnit}. Every size field reads its text this way, whatever its own default unit.
     *
     * @param notSize the message when {@code text} is not a number with a unit
     * @param notUnit the message for the unit typed when it is none of B, KiB, MiB, GiB, TiB
     */
    public static BigDecimal exactBytes(String text, long plainUnit, UnaryOperator<String> notSize,
                                        UnaryOperator<String> notUnit) {
        Matcher matcher = SIZE.matcher(text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException(notSize.apply(text));
        }
        String name = matcher.group(2).toLowerCase(Locale.ROOT);
        Long unit = name.isEmpty() ? Long.valueOf(plainUnit) : UNITS.get(name);
        if (unit == null) {
            throw new IllegalArgumentException(notUnit.apply(matcher.group(2)));
        }
        return new BigDecimal(matcher.group(1).replace(',', '.')).multiply(BigDecimal.valueOf(unit));
    }

    /** The largest unit that gives a whole number: "48 MiB", "1 GiB", "1536 MiB", "1000 B". */
    public static String format(long bytes) {
        for (long unit : new long[]{TIB, GIB, MIB, KIB}) {
            if (bytes >= unit && bytes % unit == 0) {
                return bytes / unit + " " + unitName(unit);
            }
        }
        if (bytes >= MIB) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) MIB);
        }
        return bytes + " B";
    }

    private static String unitName(long unit) {
        return unit == TIB ? "TiB" : unit == GIB ? "GiB" : unit == MIB ? "MiB" : "KiB";
    }
}
