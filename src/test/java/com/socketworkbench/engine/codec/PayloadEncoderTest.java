package com.socketworkbench.engine.codec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PayloadEncoderTest {

    private static final Charset UTF_8 = StandardCharsets.UTF_8;

    @Test
    void hexModeSendsExactlyTheHexBytesWithoutTheEnding() throws PayloadFormatException {
        assertArrayEquals(new byte[]{(byte) 0xde, (byte) 0xad},
                PayloadEncoder.encode("de ad", PayloadFormat.HEX, UTF_8, LineEnding.CRLF));
        assertArrayEquals(new byte[0], PayloadEncoder.encode("", PayloadFormat.HEX, UTF_8, LineEnding.LF));
        assertArrayEquals(new byte[]{0x5c}, PayloadEncoder.encode("5c", PayloadFormat.HEX, UTF_8, LineEnding.LF,
                false));
    }

    @Test
    void withEscapesOffABackslashIsABackslash() throws PayloadFormatException {
        String typed = "C:\\temp\\new";
        assertArrayEquals(new byte[]{'C', ':', '\\', 't', 'e', 'm', 'p', '\\', 'n', 'e', 'w'},
                PayloadEncoder.encode(typed, PayloadFormat.TEXT, UTF_8, LineEnding.NONE, false));
        assertArrayEquals(new byte[]{'C', ':', '\t', 'e', 'm', 'p', '\n', 'e', 'w'},
                PayloadEncoder.encode(typed, PayloadFormat.TEXT, UTF_8, LineEnding.NONE, true),
                "escapes on: \\t and \\n are a tab and a newline");
        assertArrayEquals("a\\x41\\\r\n".getBytes(UTF_8),
                PayloadEncoder.encode("a\\x41\\", PayloadFormat.TEXT, UTF_8, LineEnding.CRLF, false),
                "a trailing lone backslash and \\x are plain characters; the ending is still added");
        assertEquals(Optional.empty(), PayloadEncoder.validate("C:\\q\\", PayloadFormat.TEXT, UTF_8,
                LineEnding.NONE, false));
        assertTrue(PayloadEncoder.validate("C:\\q", PayloadFormat.TEXT, UTF_8, LineEnding.NONE, true).isPresent());
    }

    @Test
    void withEscapesOffAnUnencodableCharacterIsNamedAtItsPosition() {
        PayloadFormatException problem = PayloadEncoder.validate("a\\b中", PayloadFormat.TEXT,
                StandardCharsets.US_ASCII, LineEnding.NONE, false).orElseThrow();
        assertEquals(3, problem.position(), "the backslash counts as one character, not an escape's two");
        assertEquals("Character '中' at position 4 cannot be encoded in US-ASCII", problem.getMessage());
    }

    @Test
    void textModeEncodesWithTheCharsetAndAppendsTheEnding() throws PayloadFormatException {
        assertArrayEquals(new byte[]{'h', 'i', 0, '\r'},
                PayloadEncoder.encode("hi\\0", PayloadFormat.TEXT, UTF_8, LineEnding.CR));
        assertArrayEquals(new byte[]{(byte) 0xd5, (byte) 0xb3},
                PayloadEncoder.encode("粘", PayloadFormat.TEXT, Charset.forName("GBK"), LineEnding.NONE));
        assertArrayEquals("de ad".getBytes(UTF_8),
                PayloadEncoder.encode("de ad", PayloadFormat.TEXT, UTF_8, LineEnding.NONE));
    }

    @Test
    void validateReportsTheSameProblemAsEncode() {
        Optional<PayloadFormatException> bad = PayloadEncoder.validate("de ag", PayloadFormat.HEX, UTF_8, LineEnding.NONE);
        assertTrue(bad.isPresent());
        assertEquals(4, bad.get().position());
        assertEquals("Invalid hex digit 'g' at position 5", bad.get().getMessage());
        assertEquals(Optional.empty(), PayloadEncoder.validate("de ad", PayloadFormat.HEX, UTF_8, LineEnding.LF));
        assertEquals(2, PayloadEncoder.validate("ab中", PayloadFormat.TEXT, StandardCharsets.US_ASCII, LineEnding.LF)
                .orElseThrow().position());
    }

    @Test
    void labelsForTheUi() {
        assertEquals("Text", PayloadFormat.TEXT.toString());
        assertEquals("Hex", PayloadFormat.HEX.toString());
        assertEquals(List.of("None", "LF \\n", "CR \\r", "CRLF \\r\\n"),
                List.of(LineEnding.values()).stream().map(LineEnding::label).toList());
        assertEquals("CRLF \\r\\n", LineEnding.CRLF.toString());
    }

    @ParameterizedTest
    @EnumSource(LineEnding.class)
    void lineEndingBytesAreACopy(LineEnding ending) {
        byte[] first = ending.bytes();
        assertEquals(ending.length(), first.length);
        assertNotSame(first, ending.bytes());
        if (first.length > 0) {
            first[0] = 'x';
            assertTrue(ending.bytes()[0] != 'x');
        }
    }

    @Test
    void lineEndingBytes() {
        assertArrayEquals(new byte[0], LineEnding.NONE.bytes());
        assertArrayEquals(new byte[]{'\n'}, LineEnding.LF.bytes());
        assertArrayEquals(new byte[]{'\r'}, LineEnding.CR.bytes());
        assertArrayEquals(new byte[]{'\r', '\n'}, LineEnding.CRLF.bytes());
    }

    @Test
    void supportedCharsetsInOrder() {
        List<String> names = SupportedCharsets.all().stream().map(Charset::name).toList();
        assertEquals(List.of("UTF-8", "GBK", "GB18030", "Big5", "Shift_JIS", "ISO-8859-1", "windows-1252", "US-ASCII",
                "UTF-16BE", "UTF-16LE"), names);
        assertEquals(UTF_8, SupportedCharsets.byName("utf8"));
        assertEquals(Charset.forName("GBK"), SupportedCharsets.byName(" gbk "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SupportedCharsets.byName("klingon"));
        assertTrue(e.getMessage().startsWith("Unknown character set 'klingon'; known here are UTF-8, GBK"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SupportedCharsets.byName(""));
    }
}
