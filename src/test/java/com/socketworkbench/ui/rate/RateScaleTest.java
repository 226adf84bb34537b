package com.socketworkbench.ui.rate;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RateScaleTest {

    @Test
    void byteRatesScaleBy1024() {
        assertEquals("0 B/s", RateScale.bytes(0));
        assertEquals("512 B/s", RateScale.bytes(512));
        assertEquals("1023 B/s", RateScale.bytes(1023));
        assertEquals("1 KiB/s", RateScale.bytes(1024));
        assertEquals("1.5 KiB/s", RateScale.bytes(1536));
        assertEquals("12 MiB/s", RateScale.bytes(12.2 * 1024 * 1024));
        assertEquals("3 GiB/s", RateScale.bytes(3.0 * 1024 * 1024 * 1024));
    }

    @Test
    void messageRatesScaleBy1000() {
        assertEquals("0", RateScale.count(0));
        assertEquals("7", RateScale.count(7));
        assertEquals("999", RateScale.count(999));
        assertEquals("1.2k", RateScale.count(1_234));
        assertEquals("350k", RateScale.count(350_000));
        assertEquals("2.5M", RateScale.count(2_500_000));
    }

    @Test
    void theAxisTopIsOneTwoOrFiveTimesAPowerOfTenOfThePeaksUnit() {
        assertEquals(1024, RateScale.byteAxis(0), "an idle plot still has a scale");
        assertEquals(1024, RateScale.byteAxis(700));
        assertEquals(2 * 1024, RateScale.byteAxis(1500));
        assertEquals(5 * 1024 * 1024, RateScale.byteAxis(3.2 * 1024 * 1024));
        assertEquals(10 * 1024 * 1024, RateScale.byteAxis(9 * 1024 * 1024));
        assertEquals(10, RateScale.countAxis(3));
        assertEquals(20, RateScale.countAxis(11));
        assertEquals(50_000, RateScale.countAxis(41_000));
        assertEquals(100, RateScale.countAxis(100));
    }
}
