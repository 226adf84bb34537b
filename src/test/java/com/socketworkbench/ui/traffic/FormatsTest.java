package com.socketworkbench.ui.traffic;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FormatsTest {
    @Test
    void bytes() {
        assertEquals("0 B", Formats.bytes(0));
        assertEquals("1023 B", Formats.bytes(1023));
        assertEquals("1.2 KiB", Formats.bytes(1229));
        assertEquals("3.0 MiB", Formats.bytes(3L * 1024 * 1024));
    }

    @Test
    void deltas() {
        assertEquals("", Formats.delta(-1));
        assertEquals("+0.042 ms", Formats.delta(42_000));
        assertEquals("+12.3 ms", Formats.delta(12_345_000));
        assertEquals("+1.5 s", Formats.delta(1_500_000_000L));
        assertEquals("+2 min 5 s", Formats.delta(125_000_000_000L));
    }

    @Test
    void counters() {
        assertEquals("↓ 12 msg 1.2 KiB   ↑ 3 msg 40 B", Formats.counters(12, 1229, 3, 40));
    }
}
