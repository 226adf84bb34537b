package com.socketworkbench.ui.http;

import com.socketworkbench.engine.http.Timing;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The phases of an exchange laid out as a waterfall: each starts where the previous one ended. */
final class TimingRows {

    /** One bar: where it starts and how long it lasts, both from the start of the exchange. */
    record Row(String label, Duration start, Duration length) {
    }

    private TimingRows() {
    }

    /** DNS, connect, TLS, request written, waiting for the first byte, receiving the rest. */
    static List<Row> of(Timing timing) {
        Duration at = Duration.ZERO;
        Row dns = new Row("DNS", at, timing.dns());
        at = at.plus(timing.dns());
        Row connect = new Row("Connect", at, timing.connect());
        at = at.plus(timing.connect());
        Row tls = new Row("TLS", at, timing.tls());
        at = at.plus(timing.tls());
        Row written = new Row("Request written", at, timing.requestWritten());
        at = at.plus(timing.requestWritten());
        Row firstByte = new Row("First byte", at, timing.firstByte());
        at = at.plus(timing.firstByte());
        Duration rest = timing.total().minus(at);
        Row receiving = new Row("Rest of response", at, rest.isNegative() ? Duration.ZERO : rest);
        return List.of(dns, connect, tls, written, firstByte, receiving);
    }

    /** "0.042 ms", "12.3 ms", "1.204 s". */
    static String format(Duration duration) {
        double ms = duration.toNanos() / 1_000_000.0;
        if (ms < 1) {
            return String.format(Locale.ROOT, "%.3f ms", ms);
        }
        if (ms < 1000) {
            return String.format(Locale.ROOT, "%.1f ms", ms);
        }
        return String.format(Locale.ROOT, "%.3f s", ms / 1000);
    }
}
