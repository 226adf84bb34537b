package com.socketworkbench.engine.codec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HexCodecTest {

    private static final byte[] DEADBEEF = {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef};

    @ParameterizedTest
    @ValueSource(strings = {"deadbeef", "DEADBEEF", "de ad be ef", "de:ad:be:ef", "de-ad-be-ef", "de,ad,be,ef",
            "0xde,0xad,0xbe,0xef", "0xde, 0xad, 0xbe, 0xef", "0XDE 0XAD 0XBE 0XEF", "0xdeadbeef", "0xde0xad0xbe0xef",
            "  de\n ad\r\n\tbe  ef \n", "dead beef", "de:ad-be,ef", "de\u00a0ad be ef", "0xde\n0xad\n0xbe\n0xef"})
    void acceptsEverySeparatorStyle(String text) throws PayloadFormatException {
        assertArrayEquals(DEADBEEF, HexCodec.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n\t ", ",:-"})
    void blankInputIsEmpty(String text) throws PayloadFormatException {
        assertArrayEquals(new byte[0], HexCodec.parse(text));
    }

    @Test
    void allByteValuesRoundTrip() throws PayloadFormatException {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        String lower = HexCodec.format(all);
        assertEquals("00 01 02", lower.substring(0, 8));
        assertEquals("fe ff", lower.substring(lower.length() - 5));
        assertEquals(256 * 3 - 1, lower.length());
        assertArrayEquals(all, HexCodec.parse(lower));
        String upper = HexCodec.format(all, 0, all.length, true);
        assertEquals("FE FF", upper.substring(upper.length() - 5));
        assertArrayEquals(all, HexCodec.parse(upper));
        assertArrayEquals(all, HexCodec.parse(lower.replace(" ", "")));
    }

    @Test
    void randomArraysRoundTrip() throws PayloadFormatException {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            byte[] data = new byte[random.nextInt(300)];
            random.nextBytes(data);
            assertArrayEquals(data, HexCodec.parse(HexCodec.format(data)));
        }
    }

    @Test
    void formatsWithSingleSpacesAndSlices() {
        assertEquals("de ad be ef", HexCodec.format(DEADBEEF));
        assertEquals("AD BE", HexCodec.format(DEADBEEF, 1, 2, true));
        assertEquals("", HexCodec.format(new byte[0]));
        assertEquals("0a", HexCodec.format(new byte[]{10}));
        assertThrows(IndexOutOfBoundsException.class, () -> HexCodec.format(DEADBEEF, 3, 2, false));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\" -> position {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "dead bgef | 6 | Invalid hex digit 'g' at position 7",
            "zz        | 0 | Invalid hex digit 'z' at position 1",
            "de;ad     | 2 | Invalid hex digit ';' at position 3",
            "abc       | 2 | Odd number of hex digits: the digit 'c' at position 3 has no partner",
            "de a be   | 3 | Odd number of hex digits: the digit 'a' at position 4 has no partner",
            "de ad f   | 6 | Odd number of hex digits: the digit 'f' at position 7 has no partner",
            "0x        | 0 | '0x' at position 1 is not followed by hex digits",
            "de 0X, ad | 3 | '0X' at position 4 is not followed by hex digits",
            "0xzz      | 2 | Invalid hex digit 'z' at position 3",
            "0x0x12    | 3 | Invalid hex digit 'x' at position 4",
            "0xa       | 2 | Odd number of hex digits: the digit 'a' at position 3 has no partner",
            "d0xad     | 2 | Invalid hex digit 'x' at position 3",
    })
    void errorsNameThePosition(String text, int position, String message) {
        PayloadFormatException e = assertThrows(PayloadFormatException.class, () -> HexCodec.parse(text));
        assertEquals(position, e.position());
        assertEquals(message, e.getMessage());
    }

    @Test
    void invisibleAndWideCharactersAreNamedByCodePoint() {
        PayloadFormatException bell = assertThrows(PayloadFormatException.class, () -> HexCodec.parse("de\u0007ad"));
        assertEquals("Invalid hex digit U+0007 at position 3", bell.getMessage());
        assertEquals(2, bell.position());
        // Fullwidth digits are digits to Character.digit, but not hex to a socket.
        PayloadFormatException wide = assertThrows(PayloadFormatException.class, () -> HexCodec.parse("\uff11\uff12"));
        assertEquals(0, wide.position());
        PayloadFormatException emoji = assertThrows(PayloadFormatException.class, () -> HexCodec.parse("ab \ud83d\ude00"));
        assertEquals("Invalid hex digit '\ud83d\ude00' at position 4", emoji.getMessage());
    }
}
