package com.socketworkbench.ui.rate;

import com.socketworkbench.ui.fx.TrafficCounters;
import com.socketworkbench.ui.traffic.TestEvents;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class RateHistoryTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long T0 = 5_000 * SECOND;

    private final TrafficCounters counters = new TrafficCounters();
    private final RateHistory history = new RateHistory(counters);

    private void receive(int bytes) {
        counters.record(TestEvents.received(new byte[bytes]));
    }

    private void send(int bytes) {
        counters.record(TestEvents.sent(new byte[bytes]));
    }

    @Test
    void eachWholeSecondHoldsWhatTheCountersGainedInIt() {
        history.sample(T0);
        receive(100);
        receive(50);
        history.sample(T0 + SECOND / 2);
        send(10);
        history.sample(T0 + SECOND + 1);
        receive(7);
        history.sample(T0 + SECOND + SECOND / 2);

        RateHistory.Rates rates = history.rates(T0 + 2 * SECOND);
        assertEquals(150, rates.bytesIn()[RateHistory.SECONDS - 2], "second 0");
        assertEquals(2, rates.messagesIn()[RateHistory.SECONDS - 2]);
        assertEquals(10, rates.latestBytesOut(), "the send was counted by the first sample of second 1");
        assertEquals(7, rates.latestBytesIn());
        assertEquals(1, rates.latestMessagesIn());
        assertEquals(1, rates.latestMessagesOut());
        assertEquals(150, rates.peakBytes());
        assertEquals(2, rates.peakMessages());
    }

    @Test
    void theSecondStillFillingIsLeftOutAndSecondsWithoutSamplesReadZero() {
        history.sample(T0);
        receive(1000);
        history.sample(T0 + SECOND / 3);
        assertEquals(0, history.rates(T0 + SECOND / 2).peakBytes(), "second 0 is not whole yet");
        assertEquals(1000, history.rates(T0 + SECOND).latestBytesIn());
        // Nothing sampled since: the next seconds are quiet, and the busy one scrolls left.
        RateHistory.Rates later = history.rates(T0 + 5 * SECOND);
        assertEquals(0, later.latestBytesIn());
        assertEquals(1000, later.bytesIn()[RateHistory.SECONDS - 5]);
        assertEquals(0, history.rates(T0 + 61 * SECOND).peakBytes(), "a minute later it has scrolled out");
    }

    @Test
    void theRingIsReusedWithoutGrowingAndOldSlotsAreCleared() {
        history.sample(T0);
        for (int second = 0; second < 150; second++) {
            receive(second + 1);
            history.sample(T0 + second * SECOND + SECOND / 2);
        }
        RateHistory.Rates rates = history.rates(T0 + 150 * SECOND);
        assertEquals(RateHistory.SECONDS, rates.bytesIn().length);
        long[] expected = new long[RateHistory.SECONDS];
        for (int i = 0; i < RateHistory.SECONDS; i++) {
            expected[i] = 150 - RateHistory.SECONDS + i + 1;
        }
        assertArrayEquals(expected, rates.bytesIn(), "the last 60 seconds, oldest first");

        // A pause longer than the ring, then one more sample: the slots of the pause are zero, not an old lap's.
        receive(5);
        history.sample(T0 + 250 * SECOND + 1);
        RateHistory.Rates afterPause = history.rates(T0 + 251 * SECOND);
        assertEquals(5, afterPause.latestBytesIn());
        assertEquals(5, afterPause.peakBytes());
    }

    @Test
    void countersThatGoDownStartOverWithoutANegativeRate() {
        history.sample(T0);
        receive(500);
        history.sample(T0 + SECOND / 2);
        counters.reset();
        history.sample(T0 + SECOND + 1);
        receive(20);
        history.sample(T0 + SECOND + 2);
        RateHistory.Rates rates = history.rates(T0 + 2 * SECOND);
        assertEquals(500, rates.bytesIn()[RateHistory.SECONDS - 2]);
        assertEquals(20, rates.latestBytesIn());
    }

    @Test
    void beforeAnySampleEverythingIsZero() {
        RateHistory.Rates rates = history.rates(T0);
        assertEquals(0, rates.peakBytes());
        assertEquals(0, rates.peakMessages());
    }
}
