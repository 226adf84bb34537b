package com.socketworkbench.ui.http;

import com.socketworkbench.engine.http.Timing;
import com.socketworkbench.engine.text.DurationText;

import java.time.Duration;
import java.util.List;

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

    /** A phase's length as {@link DurationText} writes every duration (the timing view's labels). */
    static String format(Duration duration) {
        return DurationText.of(duration);
    }
}
