package com.socketworkbench.reliability;

import com.socketworkbench.engine.codec.ByteArrayLiterals;
import com.socketworkbench.engine.codec.ByteSource;
import com.socketworkbench.engine.codec.ByteText;
import com.socketworkbench.engine.codec.HexCodec;
import com.socketworkbench.engine.codec.HexDump;
import com.socketworkbench.engine.codec.LineEnding;
import com.socketworkbench.engine.codec.PayloadEncoder;
import com.socketworkbench.engine.codec.PayloadFormat;
import com.socketworkbench.engine.codec.PayloadFormatException;
import com.socketworkbench.engine.codec.SupportedCharsets;
import com.socketworkbench.engine.codec.TextEscapes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every byte value through every way the codec shows, copies or exports bytes: each path either gives the bytes back
 * exactly or accounts for every byte (as a character or as {@code \xNN}). Arrays are all 256 values in order, in
 * reverse, and seeded random mixes, in every supported charset.
 */
class CodecByteExactnessTest {
    private static final Pattern LITERAL_VALUE = Pattern.compile("(\\(byte\\) )?0x([0-9a-f]{2})");
    private static final Pattern DUMP_LINE = Pattern.compile(
            "([0-9a-f]{8,})  ([0-9a-f ]{47})  \\|([\\x20-\\x7e]{1,16})\\|");

    static byte[] allByteValues() {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        return all;
    }

    static Stream<byte[]> samples() {
        List<byte[]> samples = new ArrayList<>();
        byte[] all = allByteValues();
        samples.add(all);
        byte[] reversed = new byte[256];
        for (int i = 0; i < 256; i++) {
            reversed[i] = (byte) (255 - i);
        }
        samples.add(reversed);
        SplittableRandom random = new SplittableRandom(6);
        for (int n = 0; n < 8; n++) {
            byte[] mix = new byte[1 + random.nextInt(700)];
            random.nextBytes(mix);
            samples.add(mix);
        }
        for (int i = 0; i < 256; i++) {
            samples.add(new byte[]{(byte) i});
        }
        return samples.stream();
    }

    static Stream<Charset> charsets() {
        return SupportedCharsets.all().stream();
    }

    @Test
    void everySupportedCharsetIsPresent() {
        assertEquals(List.of("UTF-8", "GBK", "GB18030", "Big5", "Shift_JIS", "ISO-8859-1", "windows-1252", "US-ASCII",
                "UTF-16BE", "UTF-16LE"), SupportedCharsets.all().stream().map(Charset::name).toList());
    }

    @Test
    void hexFormatParsesBackInEveryLayout() throws PayloadFormatException {
        for (byte[] data : samples().toList()) {
            hexFormatParsesBack(data);
        }
    }

    private static void hexFormatParsesBack(byte[] data) throws PayloadFormatException {
        String lower = HexCodec.format(data);
        String upper = HexCodec.format(data, 0, data.length, true);
        assertEquals(lower.toUpperCase(Locale.ROOT), upper);
        assertArrayEquals(data, HexCodec.parse(lower));
        assertArrayEquals(data, HexCodec.parse(upper));
        assertArrayEquals(data, HexCodec.parse(lower.replace(" ", "")));
        assertArrayEquals(data, HexCodec.parse(lower.replace(" ", ":")));
        assertArrayEquals(data, HexCodec.parse(lower.replace(" ", "-")));
        assertArrayEquals(data, HexCodec.parse("0x" + lower.replace(" ", ", 0x")));
        assertArrayEquals(data, HexCodec.parse(lower.replace(" ", "\n")));
        assertEquals(HexFormat.ofDelimiter(" ").formatHex(data), lower);
    }

    @Test
    void everyHexDumpLineShowsItsBytesExactly() throws PayloadFormatException {
        for (byte[] data : samples().toList()) {
            hexDumpShowsExactly(data);
        }
    }

    private static void hexDumpShowsExactly(byte[] data) throws PayloadFormatException {
        ByteSource source = ByteSource.of(data);
        long lines = HexDump.lineCount(data.length);
        ByteArrayOutputStream fromHexColumn = new ByteArrayOutputStream();
        for (long line = 0; line < lines; line++) {
            String text = HexDump.line(source, line);
            Matcher m = DUMP_LINE.matcher(text);
            assertTrue(m.matches(), () -> "not a dump line: " + text);
            assertEquals(line * HexDump.BYTES_PER_LINE, Long.parseLong(m.group(1), 16));
            byte[] bytes = HexCodec.parse(m.group(2));
            assertArrayEquals(bytes, HexCodec.parse(HexDump.hexColumn(source, line)));
            StringBuilder ascii = new StringBuilder();
            for (byte b : bytes) {
                ascii.append(b >= 0x20 && b <= 0x7e ? (char) b : '.');
            }
            assertEquals(ascii.toString(), m.group(3));
            assertEquals(ascii.toString(), HexDump.asciiColumn(source, line));
            fromHexColumn.writeBytes(bytes);
        }
        assertArrayEquals(data, fromHexColumn.toByteArray());
        assertEquals(lines, HexDump.dump(data).lines().count());
    }

    @Test
    void byteArrayLiteralsParseBack() {
        for (byte[] data : samples().toList()) {
            literalsParseBack(data);
        }
    }

    private static void literalsParseBack(byte[] data) {
        String c = ByteArrayLiterals.c(data);
        assertTrue(c.startsWith("unsigned char data[" + data.length + "] = {"), c);
        assertArrayEquals(data, literalValues(c, false));
        String java = ByteArrayLiterals.java(data);
        assertTrue(java.startsWith("byte[] data = {"), java);
        assertArrayEquals(data, literalValues(java, true));
    }

    @ParameterizedTest
    @MethodSource("charsets")
    void textEscapesRoundTripEveryByteValue(Charset charset) throws PayloadFormatException {
        for (byte[] data : samples().toList()) {
            String escaped = TextEscapes.escape(data, charset);
            assertArrayEquals(data, TextEscapes.encode(escaped, charset),
                    () -> charset + ": escape then encode changed " + HexCodec.format(data) + " (text " + escaped + ")");
            assertNoHiddenCharacters(escaped, false);
        }
    }

    @ParameterizedTest
    @MethodSource("charsets")
    void byteTextKeepsEveryByteAsACharacterOrAnEscape(Charset charset) {
        for (byte[] data : samples().toList()) {
            String text = ByteText.decode(data, charset);
            assertAccountsForEveryByte(data, text, charset);
            assertNoHiddenCharacters(text, true);
        }
    }

    @ParameterizedTest
    @MethodSource("charsets")
    void previewIsAPrefixOfTheEscapedText(Charset charset) {
        for (byte[] data : samples().toList()) {
            String escaped = TextEscapes.escape(data, charset);
            for (int max : new int[]{1, 7, 40, 5000}) {
                String preview = ByteText.preview(data, charset, max);
                assertTrue(preview.length() <= max, () -> "longer than " + max + ": " + preview);
                if (preview.endsWith(ByteText.ELLIPSIS) && !escaped.equals(preview)) {
                    String kept = preview.substring(0, preview.length() - ByteText.ELLIPSIS.length());
                    assertTrue(escaped.startsWith(kept), () -> charset + ": '" + kept + "' is not a prefix");
                } else {
                    assertEquals(escaped, preview);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(LineEnding.class)
    void payloadEncoderGivesTheBytesBackInHexAndInTextWithEveryLineEnding(LineEnding ending)
            throws PayloadFormatException {
        for (byte[] data : samples().toList()) {
            byte[] expected = concat(data, ending.bytes());
            // Hex is the exact bytes: the line ending chosen for text is not appended.
            assertArrayEquals(data, PayloadEncoder.encode(HexCodec.format(data), PayloadFormat.HEX,
                    SupportedCharsets.all().getFirst(), ending));
            for (Charset charset : SupportedCharsets.all()) {
                String text = TextEscapes.escape(data, charset);
                assertArrayEquals(expected, PayloadEncoder.encode(text, PayloadFormat.TEXT, charset, ending),
                        () -> charset + " " + ending + ": " + HexCodec.format(data));
                assertTrue(PayloadEncoder.validate(text, PayloadFormat.TEXT, charset, ending).isEmpty());
            }
        }
    }

    /** Values of a C or Java array literal; Java needs the (byte) cast exactly on the values above 0x7f. */
    private static byte[] literalValues(String literal, boolean javaCasts) {
        ByteArrayOutputStream values = new ByteArrayOutputStream();
        Matcher m = LITERAL_VALUE.matcher(literal);
        while (m.find()) {
            int value = Integer.parseInt(m.group(2), 16);
            assertEquals(javaCasts && value > 0x7f, m.group(1) != null, () -> "cast on 0x" + m.group(2));
            values.write(value);
        }
        return values.toByteArray();
    }

    /**
     * Walks the decoded text and the bytes side by side: {@code \xNN} must be the next byte itself, and a character
     * must be what a strict decoder makes of the next 1 to 4 bytes. At the end every byte must be used.
     */
    private static void assertAccountsForEveryByte(byte[] data, String text, Charset charset) {
        CharsetDecoder strict = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int at = 0;
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("\\x", i) && i + 4 <= text.length() && isHexPair(text, i + 2)
                    && at < data.length && (data[at] & 0xff) == Integer.parseInt(text.substring(i + 2, i + 4), 16)) {
                at++;
                i += 4;
                continue;
            }
            int codePoint = text.codePointAt(i);
            String character = new String(Character.toChars(codePoint));
            int used = bytesDecodingTo(strict, data, at, character);
            if (used == 0) {
                fail(charset + ": character U+" + Integer.toHexString(codePoint) + " at " + i + " of the text does not"
                        + " come from the bytes at " + at + " of " + HexCodec.format(data));
            }
            at += used;
            i += character.length();
        }
        assertEquals(data.length, at, () -> charset + ": bytes not shown: " + HexCodec.format(data));
    }

    private static int bytesDecodingTo(CharsetDecoder decoder, byte[] data, int at, String character) {
        for (int n = 1; n <= 4 && at + n <= data.length; n++) {
            try {
                if (decoder.reset().decode(ByteBuffer.wrap(data, at, n)).toString().equals(character)) {
                    return n;
                }
            } catch (CharacterCodingException e) {
                // not a whole character yet: try one byte more
            }
        }
        return 0;
    }

    private static boolean isHexPair(String text, int at) {
        return HexFormat.isHexDigit(text.charAt(at)) && HexFormat.isHexDigit(text.charAt(at + 1));
    }

    /** A view never shows an invisible character as itself (the multi-line view keeps CR, LF and TAB). */
    private static void assertNoHiddenCharacters(String text, boolean lineBreaksAllowed) {
        text.codePoints().forEach(cp -> {
            boolean lineBreak = cp == '\r' || cp == '\n' || cp == '\t';
            int type = Character.getType(cp);
            boolean hidden = type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
            assertFalse(hidden && !(lineBreaksAllowed && lineBreak),
                    () -> "U+" + Integer.toHexString(cp) + " shown as itself in: " + text);
        });
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
