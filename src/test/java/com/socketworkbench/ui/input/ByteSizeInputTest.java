package com.socketworkbench.ui.input;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ByteSizeInputTest {
    private static final long MIB = ByteSizeInput.MIB;

    @Test
    void sizesAreReadInBinaryUnitsAndAPlainNumberIsMebibytes() {
        assertEquals(48 * MIB, ByteSizeInput.parse("48"));
        assertEquals(48 * MIB, ByteSizeInput.parse(" 48 MiB "));
        assertEquals(48 * MIB, ByteSizeInput.parse("48m"));
        assertEquals(1536 * MIB, ByteSizeInput.parse("1.5 GiB"));
        assertEquals(1536 * MIB, ByteSizeInput.parse("1,5 gb"));
        assertEquals(4096, ByteSizeInput.parse("4 KiB"));
        assertEquals(7, ByteSizeInput.parse("7 B"));
        assertEquals(ByteSizeInput.TIB, ByteSizeInput.parse("1 TB"));
        assertEquals("\"-5 MiB\" is not a size: type a number and a unit, e.g. 256 MiB or 2 GiB",
                assertThrows(IllegalArgumentException.class, () -> ByteSizeInput.parse("-5 MiB")).getMessage());
        assertEquals("\"99999999999 TiB\" is far too large",
                assertThrows(IllegalArgumentException.class, () -> ByteSizeInput.parse("99999999999 TiB"))
                        .getMessage());
    }

    @Test
    void sizesAreWrittenInTheLargestWholeUnit() {
        assertEquals("48 MiB", ByteSizeInput.format(48 * MIB));
        assertEquals("1 GiB", ByteSizeInput.format(1024 * MIB));
        assertEquals("1536 MiB", ByteSizeInput.format(1536 * MIB));
        assertEquals("1000 B", ByteSizeInput.format(1000));
        assertEquals("1.5 MiB", ByteSizeInput.format(MIB + MIB / 2 + 1));
        assertEquals(48 * MIB, ByteSizeInput.parse(ByteSizeInput.format(48 * MIB)), "what is written reads back");
    }

    @Test
    void theLimitsAreErrorsThatSayWhy() {
        ByteSizeInput input = new ByteSizeInput("16 MiB", MIB, 100 * MIB, "the heap allows no more");
        assertTrue(input.isValid());
        assertEquals(16 * MIB, input.bytes());
        input.textProperty().set("200");
        assertFalse(input.isValid());
        assertEquals("At most 100 MiB (the heap allows no more)", input.verdict().message());
        assertEquals(-1, input.bytes());
        input.textProperty().set("1 KiB");
        assertEquals("At least 1 MiB", input.verdict().message());
    }
}
