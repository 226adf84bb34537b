package com.socketworkbench.ui.tab;

import com.socketworkbench.ui.traffic.Formats;
import com.socketworkbench.ui.traffic.TestEvents;
import com.socketworkbench.ui.fx.TrafficCounters;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The status bar's counters: copied from the pump, set by a tab that counts its own messages, or hidden. */
class TabStatusTest {
    private final TabStatus status = new TabStatus();

    @Test
    void countersSetDirectlyReachTheText() {
        status.setCounters(2048, 40, 1, 1);
        assertEquals(2048, status.bytesInProperty().get());
        assertEquals(40, status.bytesOutProperty().get());
        assertEquals(1, status.messagesInProperty().get());
        assertEquals(1, status.messagesOutProperty().get());
        assertEquals(Formats.counters(1, 2048, 1, 40), status.countersText().get());
    }

    @Test
    void thePumpsCountersAreCopied() {
        TrafficCounters counters = new TrafficCounters();
        counters.record(TestEvents.received("hello"));
        counters.record(TestEvents.sent(new byte[3]));
        status.updateCounters(counters);
        assertEquals(Formats.counters(1, 5, 1, 3), status.countersText().get());
    }

    @Test
    void hiddenCountersLeaveNoText() {
        assertTrue(status.countersShownProperty().get(), "shown unless a tab says otherwise");
        status.setCounters(1, 1, 1, 1);
        status.setCountersShown(false);
        assertFalse(status.countersShownProperty().get());
        assertEquals("", status.countersText().get());
        status.setCountersShown(true);
        assertEquals(Formats.counters(1, 1, 1, 1), status.countersText().get());
    }
}
