package com.socketworkbench.ui.udp;

import com.socketworkbench.ui.traffic.Formats;
import com.socketworkbench.ui.fx.TrafficCounters;

import java.util.Locale;

/**
 * Datagrams and bytes per second in each direction, from the pump's exact counters sampled about once a second
 * (a per-pulse rate would flicker). FX thread only.
 */
final class TrafficRate {
    static final long INTERVAL_NANOS = 1_000_000_000L;

    /** One measurement. */
    record Rates(double datagramsIn, double bytesIn, double datagramsOut, double bytesOut) {
        static final Rates ZERO = new Rates(0, 0, 0, 0);

        /** "↓ 12 datagrams/s · 1.2 KiB/s   ↑ 0 datagrams/s · 0 B/s". */
        String text() {
            return UdpText.TEXT.get("rate.text", perSecond(datagramsIn), Formats.bytes(Math.round(bytesIn)),
                    perSecond(datagramsOut), Formats.bytes(Math.round(bytesOut)));

        }

        private static String perSecond(double value) {
            return value >= 10 || value == 0 ? String.format(Locale.ROOT, "%,d", Math.round(value))
                    : String.format(Locale.ROOT, "%.1f", value);
        }
    }

    private long lastNanos = -1;
    private long datagramsIn;
    private long bytesIn;
    private long datagramsOut;
    private long bytesOut;
    private Rates current = Rates.ZERO;

    /** Samples the counters; returns true when a new rate was computed (at most once per interval). */
    boolean sample(long nowNanos, TrafficCounters counters) {
        if (lastNanos < 0) {
            remember(nowNanos, counters);
            return false;
        }
        long elapsed = nowNanos - lastNanos;
        if (elapsed < INTERVAL_NANOS) {
            return false;
        }
        double seconds = elapsed / 1e9;
        current = new Rates((counters.messagesIn() - datagramsIn) / seconds, (counters.bytesIn() - bytesIn) / seconds,
                (counters.messagesOut() - datagramsOut) / seconds, (counters.bytesOut() - bytesOut) / seconds);
        remember(nowNanos, counters);
        return true;
    }

    private void remember(long nowNanos, TrafficCounters counters) {
        lastNanos = nowNanos;
        datagramsIn = counters.messagesIn();
        bytesIn = counters.bytesIn();
        datagramsOut = counters.messagesOut();
        bytesOut = counters.bytesOut();
    }

    Rates current() {
        return current;
    }
}
