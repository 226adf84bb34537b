package com.socketworkbench.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.socketworkbench.engine.codec.HexCodec;
import com.socketworkbench.engine.codec.PayloadFormatException;
import com.socketworkbench.engine.codec.SupportedCharsets;
import com.socketworkbench.engine.codec.TextEscapes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link TextEscapes#encode} on arbitrary editor text in every supported charset, and {@link TextEscapes#escape} on
 * arbitrary bytes. The first input byte picks the charset; the rest is both the text (read as UTF-8) and the bytes.
 * Invariants: only {@link PayloadFormatException} (with a position inside the text) is thrown; what encodes, escapes
 * back to text that encodes to the same bytes; escaping any bytes and encoding the result gives those bytes; text
 * without backslashes encodes as the charset itself would.
 */
class TextEscapesFuzzTest {
    private static final List<Charset> CHARSETS = SupportedCharsets.all();
    private static final String ALPHABET = "\\\\\\rnt0xX0123456789abcdefgAZ \u00e9\u4e2d\u0416\ud83d\ude00\ud800\n";

    @FuzzTest(maxDuration = "2m")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void encode(byte[] input) {
        if (input.length == 0) {
            return;
        }
        Charset charset = CHARSETS.get((input[0] & 0xff) % CHARSETS.size());
        byte[] rest = Arrays.copyOfRange(input, 1, input.length);
        checkEncode(new String(rest, StandardCharsets.UTF_8), charset);
        checkEscape(rest, charset);
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void seededRandomTextsAndBytes() {
        SplittableRandom random = new SplittableRandom(17);
        for (int n = 0; n < 4_000; n++) {
            Charset charset = CHARSETS.get(random.nextInt(CHARSETS.size()));
            StringBuilder text = new StringBuilder();
            for (int k = 0, length = random.nextInt(20); k < length; k++) {
                text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            checkEncode(text.toString(), charset);
            byte[] bytes = new byte[random.nextInt(40)];
            random.nextBytes(bytes);
            checkEscape(bytes, charset);
        }
    }

    static void checkEncode(String text, Charset charset) {
        byte[] encoded;
        try {
            encoded = TextEscapes.encode(text, charset);
        } catch (PayloadFormatException e) {
            assertTrue(e.position() >= 0 && e.position() < text.length(),
                    () -> charset + ": position " + e.position() + " outside the text of " + text.length() + " chars");
            assertTrue(e.getMessage().contains("position " + (e.position() + 1)), e::getMessage);
            return;
        }
        String escaped = TextEscapes.escape(encoded, charset);
        try {
            assertArrayEquals(encoded, TextEscapes.encode(escaped, charset),
                    () -> charset + ": escape of " + HexCodec.format(encoded) + " does not encode back");
        } catch (PayloadFormatException e) {
            throw new AssertionError(charset + ": escaped text '" + escaped + "' is not valid: " + e.getMessage(), e);
        }
        if (text.indexOf('\\') < 0 && charset.newEncoder().canEncode(text)) {
            assertArrayEquals(text.getBytes(charset), encoded, () -> charset + ": plain text encoded differently");
        }
    }

    static void checkEscape(byte[] bytes, Charset charset) {
        String escaped = TextEscapes.escape(bytes, charset);
        try {
            assertArrayEquals(bytes, TextEscapes.encode(escaped, charset),
                    () -> charset + ": " + HexCodec.format(bytes) + " escaped to '" + escaped + "'");
        } catch (PayloadFormatException e) {
            throw new AssertionError(charset + ": escape of " + HexCodec.format(bytes) + " gave invalid text '"
                    + escaped + "': " + e.getMessage(), e);
        }
    }
}
