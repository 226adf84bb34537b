package com.socketworkbench.ui.traffic;

import com.socketworkbench.engine.codec.ByteText;
import com.socketworkbench.engine.text.Texts;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A compiled timeline search: finds byte ranges in a whole payload (never only its preview) and tells whether a
 * peer or kind text matches. Immutable and safe to use from the search thread and the FX thread at once.
 *
 * <p>Plain text and hex patterns are matched on the bytes themselves (plain text encoded in the chosen charset,
 * ASCII letters in either case), so a match is found wherever it lies, also across the 64 KiB the text view shows.
 * A regular expression runs over the payload decoded in the charset, each byte that does not decode read as one
 * U+FFFD ({@link DecodedBytes}, which keeps every character's byte offset, so match positions are exact bytes).
 */
public final class PayloadPattern {
    private static final Texts TEXT = TrafficTexts.TEXT;

    /** A match: bytes {@code start} (inclusive) to {@code end} (exclusive) of a payload. */
    public record Range(int start, int end) {
        public int length() {
            return end - start;
        }
    }

    /** Receives matches in order; returns false to stop. */
    @FunctionalInterface
    interface RangeSink {
        boolean accept(int start, int end);
    }

    private final SearchMode mode;
    private final String source;
    private final Charset charset;
    /** Plain and hex: the bytes to find; for plain text in lower case where ASCII. */
    private final byte[] needle;
    /** Hex: true where any byte matches. */
    private final boolean[] wildcard;
    private final Pattern regex;
    private final String lowerText;

    private PayloadPattern(SearchMode mode, String source, Charset charset, byte[] needle, boolean[] wildcard,
                           Pattern regex) {
        this.mode = mode;
        this.source = source;
        this.charset = charset;
        this.needle = needle;
        this.wildcard = wildcard;
        this.regex = regex;
        this.lowerText = source.toLowerCase(Locale.ROOT);
    }

    /**
     * Compiles the user's search text.
     *
     * @throws IllegalArgumentException with a message for the user (an invalid regex, a bad hex byte)
     */
    public static PayloadPattern compile(SearchMode mode, String text, Charset charset) {
        String source = text == null ? "" : text;
        return switch (mode) {
            case PLAIN -> new PayloadPattern(mode, source, charset, lowerAscii(encode(source, charset)), null, null);
            case REGEX -> {
                try {
                    yield new PayloadPattern(mode, source, charset, null, null,
                            Pattern.compile(source, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
                } catch (PatternSyntaxException e) {
                    throw new IllegalArgumentException(TEXT.get("search.error.regex", e.getDescription()), e);
                }
            }
            case HEX -> hex(source, charset);
        };
    }

    private static PayloadPattern hex(String source, Charset charset) {
        String[] tokens = source.strip().replace(",", " ").split("\\s+");
        List<String> bytes = new ArrayList<>();
        for (String token : tokens) {
            String t = token.toLowerCase(Locale.ROOT);
            if (t.startsWith("0x")) {
                t = t.substring(2);
            }
            if (t.isEmpty()) {
                continue;
            }
            // "deadbeef" and "de ad be ef" both work: a token is read two characters at a time.
            if (t.length() % 2 != 0) {
                throw new IllegalArgumentException(TEXT.get("search.error.hex.digit", token));
            }
            for (int i = 0; i < t.length(); i += 2) {
                String pair = t.substring(i, i + 2);
                if (!pair.equals("??") && (Character.digit(pair.charAt(0), 16) < 0
                        || Character.digit(pair.charAt(1), 16) < 0)) {
                    throw new IllegalArgumentException(TEXT.get("search.error.hex.digit", pair));
                }
                bytes.add(pair);
            }
        }
        if (bytes.isEmpty()) {
            throw new IllegalArgumentException(TEXT.get("search.error.hex.empty"));
        }
        byte[] needle = new byte[bytes.size()];
        boolean[] any = new boolean[bytes.size()];
        for (int i = 0; i < needle.length; i++) {
            String pair = bytes.get(i);
            any[i] = pair.equals("??");
            needle[i] = any[i] ? 0 : (byte) Integer.parseInt(pair, 16);
        }
        return new PayloadPattern(SearchMode.HEX, source, charset, needle, any, null);
    }

    /** The text in the charset, without a byte order mark (UTF-16 writes one before every text). */
    private static byte[] encode(String text, Charset charset) {
        Charset plain = charset.name().equals("UTF-16") ? StandardCharsets.UTF_16BE
                : charset.name().equals("UTF-32") ? Charset.forName("UTF-32BE") : charset;
        if (!plain.canEncode()) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        try {
            CharsetEncoder encoder = plain.newEncoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            ByteBuffer out = encoder.encode(CharBuffer.wrap(text));
            byte[] bytes = new byte[out.remaining()];
            out.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            return text.getBytes(plain);
        }
    }

    private static byte[] lowerAscii(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = lower(bytes[i]);
        }
        return bytes;
    }

    private static byte lower(byte b) {
        return b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b;
    }

    /** True when nothing would be searched for (an empty plain text); such a search shows every row. */
    public boolean isEmpty() {
        return mode == SearchMode.PLAIN && needle.length == 0 || mode == SearchMode.REGEX && source.isEmpty();
    }

    public SearchMode mode() {
        return mode;
    }

    public Charset charset() {
        return charset;
    }

    /** True when {@code data} holds at least one match. */
    public boolean matches(byte[] data) {
        boolean[] found = {false};
        forEach(data, (start, end) -> {
            found[0] = true;
            return false;
        });
        return found[0];
    }

    /** The matches in {@code data}, in order, at most {@code limit}. */
    public List<Range> ranges(byte[] data, int limit) {
        List<Range> out = new ArrayList<>();
        forEach(data, (start, end) -> {
            out.add(new Range(start, end));
            return out.size() < limit;
        });
        return out;
    }

    /** How many matches {@code data} holds (non-overlapping, at most {@code limit}). */
    public int count(byte[] data, int limit) {
        int[] count = {0};
        forEach(data, (start, end) -> ++count[0] < limit);
        return count[0];
    }

    /** Whether a line of text (a peer, a kind, an event's sentence) matches; hex patterns match payloads only. */
    public boolean matchesText(String text) {
        return switch (mode) {
            case PLAIN -> text.toLowerCase(Locale.ROOT).contains(lowerText);
            case REGEX -> regex.matcher(text).find();
            case HEX -> false;
        };
    }

    /** Calls {@code sink} for every non-overlapping, non-empty match in {@code data}, in order, until it says stop. */
    void forEach(byte[] data, RangeSink sink) {
        if (isEmpty()) {
            return;
        }
        if (mode == SearchMode.REGEX) {
            regexMatches(data, sink);
            return;
        }
        int n = needle.length;
        int last = data.length - n;
        int i = 0;
        while (i <= last) {
            if (matchesAt(data, i)) {
                if (!sink.accept(i, i + n)) {
                    return;
                }
                i += n;
            } else {
                i++;
            }
        }
    }

    private boolean matchesAt(byte[] data, int at) {
        if (mode == SearchMode.PLAIN) {
            for (int j = 0; j < needle.length; j++) {
                if (lower(data[at + j]) != needle[j]) {
                    return false;
                }
            }
            return true;
        }
        for (int j = 0; j < needle.length; j++) {
            if (!wildcard[j] && data[at + j] != needle[j]) {
                return false;
            }
        }
        return true;
    }

    private void regexMatches(byte[] data, RangeSink sink) {
        DecodedBytes decoded = DecodedBytes.of(data, charset);
        Matcher matcher = regex.matcher(decoded.text());
        while (matcher.find()) {
            if (matcher.end() == matcher.start()) {
                continue; // an empty match marks no bytes
            }
            if (!sink.accept(decoded.byteAt(matcher.start()), decoded.byteAt(matcher.end()))) {
                return;
            }
        }
    }

    @Override
    public String toString() {
        return mode + ":" + source;
    }
}
