package com.socketworkbench.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.socketworkbench.engine.codec.HexCodec;
import com.socketworkbench.engine.codec.PayloadFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link HexCodec#parse} against a reference reading of its contract: groups separated by whitespace and {@code : , -},
 * each a run of two-digit bytes, every byte optionally prefixed with {@code 0x}. It must accept exactly what the
 * reference accepts, give the same bytes, format them back to the same bytes, and reject everything else with a
 * {@link PayloadFormatException} pointing inside the text. Nothing else may be thrown.
 */
class HexCodecFuzzTest {
    private static final Pattern GROUP_BYTE = Pattern.compile("(?:0[xX])?([0-9a-fA-F]{2})");
    private static final String ALPHABET = "0123456789abcdefABCDEFxX :,-\t\n\r\u00a0\u3000g0x0x";

    @FuzzTest(maxDuration = "2m")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void parse(byte[] input) {
        check(new String(input, StandardCharsets.UTF_8));
    }

    /** The same oracle on seeded random texts, biased towards hex digits, separators and prefixes. */
    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void seededRandomTexts() {
        SplittableRandom random = new SplittableRandom(16);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int k = 0, length = random.nextInt(24); k < length; k++) {
                text.append(random.nextInt(20) == 0 ? (char) random.nextInt(0x3100)
                        : ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            check(text.toString());
        }
    }

    static void check(String text) {
        byte[] expected = reference(text);
        byte[] parsed;
        try {
            parsed = HexCodec.parse(text);
        } catch (PayloadFormatException e) {
            assertNull(expected, () -> "rejected valid hex '" + text + "': " + e.getMessage());
            assertTrue(e.position() >= 0 && e.position() < text.length(),
                    () -> "position " + e.position() + " outside '" + text + "'");
            assertTrue(e.getMessage().contains("position " + (e.position() + 1)), e::getMessage);
            return;
        }
        assertArrayEquals(expected, parsed, () -> "'" + text + "'");
        try {
            assertArrayEquals(parsed, HexCodec.parse(HexCodec.format(parsed)));
            assertArrayEquals(parsed, HexCodec.parse(HexCodec.format(parsed, 0, parsed.length, true)));
        } catch (PayloadFormatException e) {
            throw new AssertionError("formatted hex does not parse: " + e.getMessage(), e);
        }
        assertEquals(parsed.length == 0 ? 0 : parsed.length * 3 - 1, HexCodec.format(parsed).length());
    }

    /** The bytes the contract gives for {@code text}, or null when it must be rejected. */
    static byte[] reference(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringBuilder group = new StringBuilder();
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (c == ':' || c == ',' || c == '-' || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                Matcher m = GROUP_BYTE.matcher(group);
                int end = 0;
                while (m.find() && m.start() == end) {
                    bytes.write(Integer.parseInt(m.group(1), 16));
                    end = m.end();
                }
                if (end != group.length()) {
                    return null;
                }
                group.setLength(0);
            } else {
                group.append(c);
            }
        }
        return bytes.toByteArray();
    }
}
