package com.socketworkbench.ui.http;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.engine.http.Timing;
import com.socketworkbench.engine.text.DurationText;

import java.time.Duration;
import java.util.List;

/** The phases of an exchange laid out as a waterfall: each starts where the previous one ended. */
final class TimingRows {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.http.http");

    /**
     * One bar: where it starts and how long it lasts, both from the start of the exchange; {@code phase} names it
     * in style classes ({@code timing-bar-first-byte}) and text keys, whatever the language.
     */
    record Row(String phase, Duration start, Duration length) {
        /** The phase's name in the user's language. */
        String label() {
            return TEXT.get("timing." + phase);
        }
    }

    private TimingRows() {
    }

    /** DNS, connect, TLS, request written, waiting for the first byte, receiving the rest. */
    static List<Row> of(Timing timing) {
        Duration at = Duration.ZERO;
        Row dns = new Row("dns", at, timing.dns());
        at = at.plus(timing.dns());
        Row connect = new Row("connect", at, timing.connect());
        at = at.plus(timing.connect());
        Row tls = new Row("tls", at, timing.tls());
        at = at.plus(timing.tls());
        Row written = new Row("request-written", at, timing.requestWritten());
        at = at.plus(timing.requestWritten());
        Row firstByte = new Row("first-byte", at, timing.firstByte());
        at = at.plus(timing.firstByte());
        Duration rest = timing.total().minus(at);
        Row receiving = new Row("rest-of-response", at, rest.isNegative() ? Duration.ZERO : rest);
        return List.of(dns, connect, tls, written, firstByte, receiving);
    }

    /** A phase's length as {@link DurationText} writes every duration (the timing view's labels). */
    static String format(Duration duration) {
        return DurationText.of(duration);
    }
}
