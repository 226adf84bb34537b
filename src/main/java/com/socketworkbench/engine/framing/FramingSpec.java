package com.socketworkbench.engine.framing;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

/**
 * How a connection cuts its byte stream into frames: an immutable value the UI edits and the connection layer turns
 * into a fresh {@link Framer} per connection ({@code spec::create} fits {@code Supplier<Framer>}).
 *
 * <p>Every mode except {@link Raw} has a maximum frame size counting every byte of the frame as it travelled
 * (delimiter, skipped bytes and length field included); a larger frame makes {@link Framer#onBytes} throw
 * {@link FrameTooLargeException}, never an allocation beyond the maximum.
 *
 * <p>The record constructors check their arguments ({@link IllegalArgumentException}); the {@code parse...} methods
 * take the text of UI fields and throw {@link IllegalArgumentException} with a message meant for the user.
 */
public sealed interface FramingSpec {
    int DEFAULT_MAX_FRAME_SIZE = (int) (16 * ByteSizes.MIB);
    /** Smallest maximum accepted from the UI, see {@link #parseMaxFrameSize}. */
    int MIN_CONFIGURABLE_MAX_FRAME_SIZE = (int) (16 * ByteSizes.MIB);
    int MAX_FRAME_SIZE_LIMIT = (int) ByteSizes.GIB;
    int MAX_DELIMITER_BYTES = 256;
    int MAX_SKIP_BYTES = 65_535;
    long MAX_IDLE_GAP_MILLIS = 60_000;

    FramingSpec RAW = new Raw();

    FramingMode mode();

    /** A new framer for one connection. */
    Framer create();

    /** The same one-line text as the framer's, e.g. "length prefix (2 bytes, big endian, counts the body only)". */
    default String describe() {
        return create().describe();
    }

    /** Every read is its own frame. */
    record Raw() implements FramingSpec {
        @Override
        public FramingMode mode() {
            return FramingMode.RAW;
        }

        @Override
        public Framer create() {
            return Framer.raw();
        }
    }

    /** A frame ends after {@code delimiter}; {@code keepDelimiter} leaves it at the end of the emitted frame. */
    record Delimited(byte[] delimiter, boolean keepDelimiter, int maxFrameSize) implements FramingSpec {
        public Delimited {
            if (delimiter == null || delimiter.length == 0) {
                throw new IllegalArgumentException(FramingTexts.TEXT.get("error.delimiter.none"));
            }
            if (delimiter.length > MAX_DELIMITER_BYTES) {
                throw new IllegalArgumentException(FramingTexts.TEXT.get("error.delimiter.long", delimiter.length,
                        MAX_DELIMITER_BYTES));
            }
            checkMaximum(maxFrameSize, delimiter.length, "what.delimiter");
            delimiter = delimiter.clone();
        }

        public Delimited(DelimiterPreset preset, boolean keepDelimiter) {
            this(preset.bytes(), keepDelimiter, DEFAULT_MAX_FRAME_SIZE);
        }

        @Override
        public byte[] delimiter() {
            return delimiter.clone();
        }

        @Override
        public FramingMode mode() {
            return FramingMode.DELIMITER;
        }

        @Override
        public Framer create() {
            return new DelimiterFramer(delimiter, keepDelimiter, maxFrameSize, delimiterName(delimiter));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Delimited d && Arrays.equals(delimiter, d.delimiter)
                    && keepDelimiter == d.keepDelimiter && maxFrameSize == d.maxFrameSize;
        }

        @Override
        public int hashCode() {
            return (Arrays.hashCode(delimiter) * 31 + Boolean.hashCode(keepDelimiter)) * 31 + maxFrameSize;
        }

        @Override
        public String toString() {
            return "Delimited[" + hex(delimiter) + ", keep=" + keepDelimiter + ", max=" + maxFrameSize + "]";
        }
    }

    /**
     * A frame is {@code skipBytes} bytes kept as they are, an unsigned {@code fieldBytes}-wide length (1, 2, 4 or 8
     * bytes), then the body. With {@code lengthIncludesHeader} the length counts the whole frame from its first
     * byte, otherwise only the body after the length field.
     */
    record LengthPrefixed(int fieldBytes, Endianness byteOrder, boolean lengthIncludesHeader, int skipBytes,
                          int maxFrameSize) implements FramingSpec {
        public LengthPrefixed {
            if (fieldBytes != 1 && fieldBytes != 2 && fieldBytes != 4 && fieldBytes != 8) {
                throw new IllegalArgumentException(FramingTexts.TEXT.get("error.field.width", fieldBytes));
            }
            if (byteOrder == null) {
                throw new IllegalArgumentException(FramingTexts.TEXT.get("error.field.order"));
            }
            if (skipBytes < 0 || skipBytes > MAX_SKIP_BYTES) {
                throw new IllegalArgumentException(FramingTexts.TEXT.get("error.skip.range", MAX_SKIP_BYTES, skipBytes));
            }
            checkMaximum(maxFrameSize, skipBytes + fieldBytes, "what.header");
        }

        /** Body-only length, no bytes before it, default maximum. */
        public LengthPrefixed(int fieldBytes, Endianness byteOrder) {
            this(fieldBytes, byteOrder, false, 0, DEFAULT_MAX_FRAME_SIZE);
        }

        @Override
        public FramingMode mode() {
            return FramingMode.LENGTH_PREFIX;
        }

        @Override
        public Framer create() {
            return new LengthPrefixFramer(fieldBytes, byteOrder == Endianness.BIG, lengthIncludesHeader, skipBytes,
                    maxFrameSize);
        }
    }

    /** Every frame is exactly {@code size} bytes. */
    record FixedSize(int size, int maxFrameSize) implements FramingSpec {
        public FixedSize {
            if (size < 1) {
                throw new IllegalArgumentException(FramingTexts.TEXT.get("error.fixed.min", size));
            }
            checkMaximum(maxFrameSize, size, "what.framesize");
        }

        public FixedSize(int size) {
            this(size, Math.max(size, DEFAULT_MAX_FRAME_SIZE));
        }

        @Override
        public FramingMode mode() {
            return FramingMode.FIXED_SIZE;
        }

        @Override
        public Framer create() {
            return new FixedSizeFramer(size, maxFrameSize);
        }
    }

    /** A frame ends after {@code gapMillis} of silence, and at the end of the stream. */
    record IdleGap(long gapMillis, int maxFrameSize) implements FramingSpec {
        public IdleGap {
            if (gapMillis < 1 || gapMillis > MAX_IDLE_GAP_MILLIS) {
                throw new IllegalArgumentException(FramingTexts.TEXT.get("error.idle.range", MAX_IDLE_GAP_MILLIS, gapMillis));
            }
            checkMaximum(maxFrameSize, 1, "what.frame");
        }

        public IdleGap(long gapMillis) {
            this(gapMillis, DEFAULT_MAX_FRAME_SIZE);
        }

        @Override
        public FramingMode mode() {
            return FramingMode.IDLE_GAP;
        }

        @Override
        public Framer create() {
            return new IdleGapFramer(gapMillis, maxFrameSize);
        }
    }

    // ---- from UI fields ----

    /**
     * @param delimiter   "LF", "CRLF", "CR", "NUL" (any case) or hex such as "0d0a", "0d 0a", "0x7e"
     * @param maxFrameSize text for {@link #parseMaxFrameSize}; blank means the default
     */
    static Delimited parseDelimited(String delimiter, boolean keepDelimiter, String maxFrameSize) {
        return new Delimited(parseDelimiter(delimiter), keepDelimiter, parseMaxFrameSize(maxFrameSize));
    }

    /** @param skipBytes text of a count of bytes before the length field; blank means 0 */
    static LengthPrefixed parseLengthPrefixed(int fieldBytes, Endianness byteOrder, boolean lengthIncludesHeader,
                                              String skipBytes, String maxFrameSize) {
        int skip = skipBytes == null || skipBytes.isBlank() ? 0
                : parseCount(skipBytes, "what.skip", 0, MAX_SKIP_BYTES);
        return new LengthPrefixed(fieldBytes, byteOrder, lengthIncludesHeader, skip,
                parseMaxFrameSize(maxFrameSize));
    }

    /** @param size text of a byte count or a size such as "1 KiB" */
    static FixedSize parseFixedSize(String size, String maxFrameSize) {
        int max = parseMaxFrameSize(maxFrameSize);
        String text = size == null ? "" : size.strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException(FramingTexts.TEXT.get("error.fixed.empty"));
        }
        long value = ByteSizes.parse(text);
        if (value < 1) {
            throw new IllegalArgumentException(FramingTexts.TEXT.get("error.fixed.min.typed"));
        }
        if (value > max) {
            throw new IllegalArgumentException(FramingTexts.TEXT.get("error.fixed.over", ByteSizes.format(value),
                    ByteSizes.format(max)));
        }
        return new FixedSize((int) value, max);
    }

    /** @param gapMillis text of a number of milliseconds */
    static IdleGap parseIdleGap(String gapMillis, String maxFrameSize) {
        return new IdleGap(parseCount(gapMillis, "what.gap", 1, (int) MAX_IDLE_GAP_MILLIS),
                parseMaxFrameSize(maxFrameSize));
    }

    /**
     * A maximum frame size from the UI: a byte count or "16 MiB"-style size between 16 MiB and 1 GiB; blank means
     * {@link #DEFAULT_MAX_FRAME_SIZE}.
     */
    static int parseMaxFrameSize(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT_MAX_FRAME_SIZE;
        }
        long value = ByteSizes.parse(text);
        if (value < MIN_CONFIGURABLE_MAX_FRAME_SIZE || value > MAX_FRAME_SIZE_LIMIT) {
            throw new IllegalArgumentException(FramingTexts.TEXT.get("error.max.range",
                    ByteSizes.format(MIN_CONFIGURABLE_MAX_FRAME_SIZE), ByteSizes.format(MAX_FRAME_SIZE_LIMIT),
                    ByteSizes.format(value)));
        }
        return (int) value;
    }

    /** A delimiter by preset name or as hex digits (spaces, colons and a 0x prefix allowed). */
    static byte[] parseDelimiter(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException(FramingTexts.TEXT.get("error.delimiter.empty"));
        }
        for (DelimiterPreset preset : DelimiterPreset.values()) {
            if (preset.toString().equalsIgnoreCase(trimmed)) {
                return preset.bytes();
            }
        }
        String digits = trimmed.toLowerCase(Locale.ROOT).replaceAll("0x|[\\s:,]", "");
        if (digits.isEmpty()) {
            throw new IllegalArgumentException(FramingTexts.TEXT.get("error.delimiter.nohex", trimmed));
        }
        for (int i = 0; i < digits.length(); i++) {
            if (Character.digit(digits.charAt(i), 16) < 0) {
                throw new IllegalArgumentException(FramingTexts.TEXT.get("error.delimiter.digit", digits.charAt(i), trimmed));
            }
        }
        if (digits.length() % 2 != 0) {
            throw new IllegalArgumentException(FramingTexts.TEXT.get("error.delimiter.odd", trimmed));
        }
        byte[] bytes = HexFormat.of().parseHex(digits);
        if (bytes.length > MAX_DELIMITER_BYTES) {
            throw new IllegalArgumentException(FramingTexts.TEXT.get("error.delimiter.long", bytes.length, MAX_DELIMITER_BYTES));
        }
        return bytes;
    }

    /** "CRLF (0d 0a)" for a preset, "7e 7e" otherwise. */
    static String delimiterName(byte[] delimiter) {
        Optional<DelimiterPreset> preset = DelimiterPreset.of(delimiter);
        return preset.map(p -> p + " (" + hex(delimiter) + ")").orElseGet(() -> hex(delimiter));
    }

    /** Bytes as lower-case hex pairs separated by spaces, "0d 0a". */
    static String hex(byte[] bytes) {
        return HexFormat.ofDelimiter(" ").formatHex(bytes);
    }

    /** @param whatKey the bundle key of what is counted, e.g. "what.gap" */
    private static int parseCount(String text, String whatKey, int min, int max) {
        String what = FramingTexts.TEXT.get(whatKey);
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException(FramingTexts.TEXT.get("error.count.empty", what));
        }
        long value;
        try {
            value = Long.parseLong(trimmed);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(FramingTexts.TEXT.get("error.count.number", trimmed, what), e);
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(FramingTexts.TEXT.get("error.count.range", what, min, max, value));
        }
        return (int) value;
    }

    /** @param whatKey the bundle key of what must fit, e.g. "what.header" */
    private static void checkMaximum(int maxFrameSize, int atLeast, String whatKey) {
        if (maxFrameSize < 1 || maxFrameSize > MAX_FRAME_SIZE_LIMIT) {
            throw new IllegalArgumentException(FramingTexts.TEXT.get("error.max.absolute", ByteSizes.format(MAX_FRAME_SIZE_LIMIT),
                    maxFrameSize));
        }
        if (atLeast > maxFrameSize) {
            throw new IllegalArgumentException(FramingTexts.TEXT.get("error.fit", FramingTexts.TEXT.get(whatKey), ByteSizes.format(atLeast),
                    ByteSizes.format(maxFrameSize)));
        }
    }
}
