package com.socketworkbench.ui.rate;

import com.socketworkbench.ui.fx.TrafficCounters;

/**
 * The last {@link #SECONDS} seconds of a tab's traffic, one slot per whole second: bytes and messages in and out.
 * Filled by sampling the pump's exact {@link TrafficCounters} on a UI tick (the pump's pulses, the chart's own tick),
 * never per event, so a flood costs it nothing more than a quiet socket. A fixed ring of slots: nothing grows.
 *
 * <p>Counters change only inside a pump's pulse, and every pulse samples, so a second without a sample is a second
 * without traffic: it reads as zero. Counters that go down (a reset) start the sampling over without a negative rate.
 * FX thread only.
 */
public final class RateHistory {
    public static final int SECONDS = 60;
    private static final long SECOND_NANOS = 1_000_000_000L;

    private final TrafficCounters counters;
    private final long[] bytesIn = new long[SECONDS];
    private final long[] bytesOut = new long[SECONDS];
    private final long[] messagesIn = new long[SECONDS];
    private final long[] messagesOut = new long[SECONDS];
    private boolean started;
    private long originNanos;
    /** The second (since the first sample) the newest sample fell into. */
    private long lastSecond;
    private long seenBytesIn;
    private long seenBytesOut;
    private long seenMessagesIn;
    private long seenMessagesOut;

    public RateHistory(TrafficCounters counters) {
        this.counters = counters;
    }

    /** Adds what the counters gained since the previous sample to the second {@code nowNanos} falls into. */
    public void sample(long nowNanos) {
        if (!started) {
            started = true;
            originNanos = nowNanos;
            lastSecond = 0;
            remember();
            return;
        }
        long second = secondOf(nowNanos);
        if (second < lastSecond) {
            return;
        }
        advanceTo(second);
        long dBytesIn = counters.bytesIn() - seenBytesIn;
        long dBytesOut = counters.bytesOut() - seenBytesOut;
        long dMessagesIn = counters.messagesIn() - seenMessagesIn;
        long dMessagesOut = counters.messagesOut() - seenMessagesOut;
        remember();
        if (dBytesIn < 0 || dBytesOut < 0 || dMessagesIn < 0 || dMessagesOut < 0) {
            return;
        }
        int slot = slot(second);
        bytesIn[slot] += dBytesIn;
        bytesOut[slot] += dBytesOut;
        messagesIn[slot] += dMessagesIn;
        messagesOut[slot] += dMessagesOut;
    }

    /**
     * The {@link #SECONDS} whole seconds before {@code nowNanos}, oldest first (the second {@code nowNanos} is in is
     * still filling and left out). Seconds before the first sample read as zero.
     */
    public Rates rates(long nowNanos) {
        Rates rates = new Rates(new long[SECONDS], new long[SECONDS], new long[SECONDS], new long[SECONDS]);
        if (!started) {
            return rates;
        }
        long now = secondOf(nowNanos);
        for (int i = 0; i < SECONDS; i++) {
            long second = now - SECONDS + i;
            if (second < 0 || second > lastSecond || second <= lastSecond - SECONDS) {
                continue;
            }
            int slot = slot(second);
            rates.bytesIn()[i] = bytesIn[slot];
            rates.bytesOut()[i] = bytesOut[slot];
            rates.messagesIn()[i] = messagesIn[slot];
            rates.messagesOut()[i] = messagesOut[slot];
        }
        return rates;
    }

    /** Zeroes the slots of the seconds after the last sampled one up to {@code second}: at most once round the ring. */
    private void advanceTo(long second) {
        if (second == lastSecond) {
            return;
        }
        for (long s = Math.max(lastSecond + 1, second - SECONDS + 1); s <= second; s++) {
            int slot = slot(s);
            bytesIn[slot] = 0;
            bytesOut[slot] = 0;
            messagesIn[slot] = 0;
            messagesOut[slot] = 0;
        }
        lastSecond = second;
    }

    private long secondOf(long nowNanos) {
        return Math.max(0, nowNanos - originNanos) / SECOND_NANOS;
    }

    private static int slot(long second) {
        return (int) (second % SECONDS);
    }

    private void remember() {
        seenBytesIn = counters.bytesIn();
        seenBytesOut = counters.bytesOut();
        seenMessagesIn = counters.messagesIn();
        seenMessagesOut = counters.messagesOut();
    }

    /**
     * Per-second totals of {@link #SECONDS} whole seconds, oldest first; the last element is the most recent whole
     * second, which is what "the current rate" means here.
     */
    public record Rates(long[] bytesIn, long[] bytesOut, long[] messagesIn, long[] messagesOut) {

        public long latestBytesIn() {
            return bytesIn[SECONDS - 1];
        }

        public long latestBytesOut() {
            return bytesOut[SECONDS - 1];
        }

        public long latestMessagesIn() {
            return messagesIn[SECONDS - 1];
        }

        public long latestMessagesOut() {
            return messagesOut[SECONDS - 1];
        }

        /** The largest per-second byte count in either direction. */
        public long peakBytes() {
            return Math.max(max(bytesIn), max(bytesOut));
        }

        /** The largest per-second message count in either direction. */
        public long peakMessages() {
            return Math.max(max(messagesIn), max(messagesOut));
        }

        private static long max(long[] values) {
            long max = 0;
            for (long value : values) {
                max = Math.max(max, value);
            }
            return max;
        }
    }
}
