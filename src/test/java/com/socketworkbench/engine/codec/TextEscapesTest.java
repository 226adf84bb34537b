package com.socketworkbench.engine.codec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextEscapesTest {

    private static final Charset GBK = Charset.forName("GBK");

    static Stream<Charset> charsets() {
        return SupportedCharsets.all().stream();
    }

    private static byte[] bytes(String hex) {
        try {
            return HexCodec.parse(hex);
        } catch (PayloadFormatException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void everyEscape() throws PayloadFormatException {
        assertArrayEquals(bytes("61 0d 0a 09 00 5c 62"), TextEscapes.encode("a\\r\\n\\t\\0\\\\b", StandardCharsets.UTF_8));
        assertArrayEquals(bytes("41 ff ff 00"), TextEscapes.encode("\\x41\\xff\\XfF\\x00", StandardCharsets.UTF_8));
        assertArrayEquals(bytes("5c 30"), TextEscapes.encode("\\\\0", StandardCharsets.US_ASCII));
        assertArrayEquals(bytes("00 31"), TextEscapes.encode("\\01", StandardCharsets.US_ASCII));
        assertArrayEquals(new byte[0], TextEscapes.encode("", StandardCharsets.UTF_8));
    }

    @Test
    void hexEscapeIsARawByteInEveryCharsetWhileCharacterEscapesAreEncoded() throws PayloadFormatException {
        assertArrayEquals(bytes("00 0a 41 00 5c"), TextEscapes.encode("\\n\\x41\\\\", StandardCharsets.UTF_16BE));
        assertArrayEquals(bytes("0a 00 41 5c 00"), TextEscapes.encode("\\n\\x41\\\\", StandardCharsets.UTF_16LE));
        assertArrayEquals(bytes("ff"), TextEscapes.encode("\\xff", StandardCharsets.UTF_8));
    }

    @Test
    void chineseTextInGbkAndUtf8() throws PayloadFormatException {
        // Verified with the JDK: "粘包" is d5 b3 b0 fc in GBK and e7 b2 98 e5 8c 85 in UTF-8.
        assertArrayEquals(bytes("d5 b3 b0 fc 0d 0a"), TextEscapes.encode("粘包\\r\\n", GBK));
        assertArrayEquals(bytes("e7 b2 98 e5 8c 85"), TextEscapes.encode("粘包", StandardCharsets.UTF_8));
        assertEquals("粘包\\r\\n", TextEscapes.escape(bytes("d5 b3 b0 fc 0d 0a"), GBK));
        assertArrayEquals(bytes("80"), TextEscapes.encode("€", Charset.forName("windows-1252")));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "ab\\q     | 2 | Unknown escape '\\q' at position 3; use \\r \\n \\t \\0 \\\\ or \\xNN, or turn escapes off to send a backslash as it is",
            "\\x4      | 0 | Incomplete escape '\\x4' at position 1: \\x needs two hex digits",
            "ab\\x     | 2 | Incomplete escape '\\x' at position 3: \\x needs two hex digits",
            "\\x4g     | 0 | Incomplete escape '\\x4' at position 1: \\x needs two hex digits",
            "\\xg4     | 0 | Incomplete escape '\\x' at position 1: \\x needs two hex digits",
            "abc\\     | 3 | Lone '\\' at position 4 at the end of the text; write \\\\ for a backslash, or turn escapes off",
            "\\\\\\    | 2 | Lone '\\' at position 3 at the end of the text; write \\\\ for a backslash, or turn escapes off",
    })
    void escapeErrorsNameTheBackslashPosition(String text, int position, String message) {
        PayloadFormatException e = assertThrows(PayloadFormatException.class,
                () -> TextEscapes.encode(text, StandardCharsets.UTF_8));
        assertEquals(position, e.position());
        assertEquals(message, e.getMessage());
    }

    @Test
    void unknownEscapeOfAnInvisibleCharacterNamesItByCodePoint() {
        PayloadFormatException e = assertThrows(PayloadFormatException.class,
                () -> TextEscapes.encode("\\\t", StandardCharsets.UTF_8));
        assertEquals("Unknown escape '\\' followed by U+0009 at position 1; use \\r \\n \\t \\0 \\\\ or \\xNN, or turn escapes off to send a backslash as it is",
                e.getMessage());
    }

    static Stream<Arguments> unencodable() {
        return Stream.of(
                Arguments.of("a中b", "US-ASCII", 1, "Character '中' at position 2 cannot be encoded in US-ASCII"),
                Arguments.of("é€", "ISO-8859-1", 1, "Character '€' at position 2 cannot be encoded in ISO-8859-1"),
                Arguments.of("\\x41\\n中", "US-ASCII", 6, "Character '中' at position 7 cannot be encoded in US-ASCII"),
                Arguments.of("ok😀", "ISO-8859-1", 2, "Character '😀' at position 3 cannot be encoded in ISO-8859-1"),
                Arguments.of("粘包ß", "GBK", 2, "Character 'ß' at position 3 cannot be encoded in GBK"),
                Arguments.of("a\uD800b", "UTF-8", 1, "Character U+D800 at position 2 is half of a surrogate pair"
                        + " without its other half and cannot be encoded"),
                Arguments.of("a\uD800\\x41", "UTF-8", 1, "Character U+D800 at position 2 is half of a surrogate pair"
                        + " without its other half and cannot be encoded"),
                Arguments.of("a\uDC00", "UTF-16BE", 1, "Character U+DC00 at position 2 is half of a surrogate pair"
                        + " without its other half and cannot be encoded"));
    }

    @ParameterizedTest(name = "[{index}] {0} in {1}")
    @MethodSource("unencodable")
    void unencodableCharacterIsAnErrorAtItsPosition(String text, String charset, int position, String message) {
        PayloadFormatException e = assertThrows(PayloadFormatException.class,
                () -> TextEscapes.encode(text, Charset.forName(charset)));
        assertEquals(position, e.position());
        assertEquals(message, e.getMessage());
    }

    @Test
    void escapeShowsControlsAndUndecodableBytes() {
        assertEquals("a\\0\\x01\\n\\r\\t\\\\\\x7f\\xff\\xe4\\xb8",
                TextEscapes.escape(bytes("61 00 01 0a 0d 09 5c 7f ff e4 b8"), StandardCharsets.UTF_8));
        assertEquals("\\0\\x00\\x01", TextEscapes.escape(bytes("00 00 00 01"), StandardCharsets.UTF_16BE));
        assertEquals("zero\\xe2\\x80\\x8bwidth", TextEscapes.escape("zero\u200bwidth".getBytes(StandardCharsets.UTF_8),
                StandardCharsets.UTF_8));
        assertEquals("\\x85\u00a0", TextEscapes.escape(bytes("85 a0"), StandardCharsets.ISO_8859_1));
        assertEquals("😀", TextEscapes.escape("😀".getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
        assertEquals("粘\\xff包", TextEscapes.escape(bytes("e7 b2 98 ff e5 8c 85"), StandardCharsets.UTF_8));
    }

    @Test
    void aCharacterThatWouldEncodeToOtherBytesIsShownAsItsBytes() throws PayloadFormatException {
        // Big5 a1 5a decodes to a character whose Big5 encoding is different; showing the character would not
        // round-trip, so its bytes are shown instead.
        Charset big5 = Charset.forName("Big5");
        byte[] data = bytes("a1 5a");
        String character = new String(data, big5);
        assertEquals(1, character.length());
        assertFalse(Arrays.equals(data, character.getBytes(big5)), "the JDK mapping changed");
        assertEquals("\\xa1\\x5a", TextEscapes.escape(data, big5));
        assertArrayEquals(data, TextEscapes.encode(TextEscapes.escape(data, big5), big5));
        assertEquals(character, ByteText.decode(data, big5));
    }

    @ParameterizedTest
    @MethodSource("charsets")
    void everySingleByteRoundTrips(Charset charset) throws PayloadFormatException {
        for (int b = 0; b < 256; b++) {
            byte[] one = {(byte) b};
            assertArrayEquals(one, TextEscapes.encode(TextEscapes.escape(one, charset), charset),
                    () -> charset + " byte " + HexCodec.format(one));
        }
        byte[] all = new byte[256];
        for (int b = 0; b < 256; b++) {
            all[b] = (byte) b;
        }
        assertArrayEquals(all, TextEscapes.encode(TextEscapes.escape(all, charset), charset));
    }

    @ParameterizedTest
    @MethodSource("charsets")
    void everyBytePairRoundTrips(Charset charset) throws PayloadFormatException {
        // Pairs cover every two-byte sequence of GBK, Big5 and Shift_JIS and every UTF-16 code unit.
        byte[] pairs = new byte[65536 * 2];
        for (int i = 0; i < 65536; i++) {
            pairs[2 * i] = (byte) (i >>> 8);
            pairs[2 * i + 1] = (byte) i;
        }
        assertArrayEquals(pairs, TextEscapes.encode(TextEscapes.escape(pairs, charset), charset));
        byte[] pair = new byte[2];
        for (int i = 0; i < 65536; i += 1) {
            pair[0] = (byte) (i >>> 8);
            pair[1] = (byte) i;
            byte[] back = TextEscapes.encode(TextEscapes.escape(pair, charset), charset);
            if (back.length != 2 || back[0] != pair[0] || back[1] != pair[1]) {
                assertArrayEquals(pair, back, charset + " pair " + HexCodec.format(pair));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("charsets")
    void randomBytesRoundTrip(Charset charset) throws PayloadFormatException {
        Random random = new Random(7);
        for (int round = 0; round < 2000; round++) {
            byte[] data = new byte[1 + random.nextInt(12)];
            random.nextBytes(data);
            assertArrayEquals(data, TextEscapes.encode(TextEscapes.escape(data, charset), charset),
                    () -> charset + " " + HexCodec.format(data));
        }
    }

    @ParameterizedTest
    @MethodSource("charsets")
    void textThatEncodesRoundTripsAsText(Charset charset) throws PayloadFormatException {
        for (String text : new String[]{"hello", "粘包 sticky packets", "日本語テキスト", "Grüße €", "tab\there",
                "emoji 😀 outside the BMP"}) {
            if (!charset.newEncoder().canEncode(text)) {
                continue;
            }
            byte[] encoded = text.getBytes(charset);
            String escaped = TextEscapes.escape(encoded, charset);
            assertEquals(text.replace("\t", "\\t"), escaped, charset.name());
            assertArrayEquals(encoded, TextEscapes.encode(escaped, charset));
        }
    }
}
