package com.socketworkbench.engine.codec;

import com.socketworkbench.engine.text.Texts;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Text ⇄ Hex in the send editor converts what is in the box. */
class PayloadConversionTest {
    private static final Charset UTF_8 = StandardCharsets.UTF_8;
    private static final Charset GBK = Charset.forName("GBK");

    @Test
    void textBecomesTheHexOfItsBytesInTheCharset() throws PayloadFormatException {
        assertEquals("68 69 0d 0a", PayloadConversion.toHex("hi\\r\\n", UTF_8, true));
        assertEquals("68 69 5c 72", PayloadConversion.toHex("hi\\r", UTF_8, false), "escapes off: a backslash");
        assertEquals("c4 e3 ba c3", PayloadConversion.toHex("你好", GBK, true));
        assertEquals("e4 bd a0 e5 a5 bd", PayloadConversion.toHex("你好", UTF_8, true));
        assertEquals("", PayloadConversion.toHex("", UTF_8, true));
    }

    @Test
    void invalidTextIsNotConverted() {
        PayloadFormatException problem = assertThrows(PayloadFormatException.class,
                () -> PayloadConversion.toHex("a\\q", UTF_8, true));
        assertTrue(problem.getMessage().contains("\\q"), problem.getMessage());
        assertThrows(PayloadFormatException.class, () -> PayloadConversion.toHex("中", StandardCharsets.US_ASCII, false));
    }

    @Test
    void hexBecomesTheTextItsBytesSpell() throws PayloadFormatException {
        assertEquals("Hello", PayloadConversion.toText("48 65 6c 6c 6f", UTF_8, true));
        assertEquals("你好", PayloadConversion.toText("c4e3bac3", GBK, false));
        assertEquals("a\\r\\nb\\\\", PayloadConversion.toText("61 0d 0a 62 5c", UTF_8, true),
                "escapes on: controls become escapes and a backslash doubles, so text mode sends the same bytes");
        assertEquals("a\nb\\\t", PayloadConversion.toText("61 0a 62 5c 09", UTF_8, false),
                "escapes off: newline, tab and backslash stay as they are");
    }

    @Test
    void convertingBackAndForthKeepsTheBytes() throws PayloadFormatException {
        for (boolean escapes : new boolean[]{true, false}) {
            String hex = "43 3a 5c 74 65 6d 70 0a e4 b8 ad";
            String text = PayloadConversion.toText(hex, UTF_8, escapes);
            assertEquals(hex, PayloadConversion.toHex(text, UTF_8, escapes));
            assertArrayEquals(HexCodec.parse(hex),
                    PayloadEncoder.encode(text, PayloadFormat.TEXT, UTF_8, LineEnding.NONE, escapes));
        }
    }

    @Test
    void bytesThatAreNotTextInTheCharsetStayHexAndSayWhich() {
        PayloadFormatException problem = assertThrows(PayloadFormatException.class,
                () -> PayloadConversion.toText("48 ff 49", UTF_8, true));
        assertEquals("byte ff (byte 2 of 3) is not UTF-8 text", problem.getMessage());

        PayloadFormatException control = assertThrows(PayloadFormatException.class,
                () -> PayloadConversion.toText("41 0d 0a", UTF_8, false));
        assertTrue(control.getMessage().startsWith("byte 0d (byte 2 of 3) is a control character"),
                control.getMessage());
        assertTrue(control.getMessage().contains("escapes on"), control.getMessage());

        PayloadFormatException badHex = assertThrows(PayloadFormatException.class,
                () -> PayloadConversion.toText("hello", UTF_8, true));
        assertEquals("Invalid hex digit 'h' at position 1", badHex.getMessage());
    }

    @Test
    void theReasonsReadInChinese() {
        Texts.use(Locale.SIMPLIFIED_CHINESE);
        try {
            PayloadFormatException problem = assertThrows(PayloadFormatException.class,
                    () -> PayloadConversion.toText("48 ff", UTF_8, true));
            assertEquals("字节 ff（共 2 字节中的第 2 个）不是 UTF-8 文本", problem.getMessage());
            assertEquals("十六进制", PayloadFormat.HEX.toString());
        } finally {
            Texts.use(Locale.ENGLISH);
        }
    }
}
