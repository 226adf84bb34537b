package com.socketworkbench.engine.http;

import com.socketworkbench.engine.text.Texts;

import com.socketworkbench.engine.runtime.EngineThreads;
import com.socketworkbench.engine.text.DurationText;

import java.time.Duration;

/**
 * The overall deadline of one exchange. The read timeout bounds each read, so a server that sends a byte now and
 * then, during the TLS handshake or the response, never hits it; this bounds the exchange as a whole. A thread of
 * its own ({@code http-deadline-<id>}) sleeps until the deadline and then stops the exchange through its
 * {@link ConnectionSlot}, as a cancel does, with a message that names the deadline and the phase it stopped.
 */
final class ExchangeDeadline {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.http.http");
    private static final ExchangeDeadline NONE = new ExchangeDeadline(null, Duration.ZERO);

    private final Thread watcher;
    private final Duration limit;

    private ExchangeDeadline(Thread watcher, Duration limit) {
        this.watcher = watcher;
        this.limit = limit;
    }

    /** Starts the deadline of exchange {@code id}; none when {@code limit} is zero. */
    static ExchangeDeadline start(long id, Duration limit, ConnectionSlot slot, ExchangeClock clock,
                                  EngineThreads threads) {
        if (limit.isZero()) {
            return NONE;
        }
        Thread watcher = threads.start("http-deadline-" + id, () -> {
            try {
                Thread.sleep(limit);
            } catch (InterruptedException e) {
                return;
            }
            slot.expire(id, TEXT.get("failure.deadline.phase", describe(limit), PhaseWords.of(clock.currentPhase())));
        });
        return new ExchangeDeadline(watcher, limit);
    }

    /** The deadline in words, the start of every message about it. */
    static String describe(Duration limit) {
        return TEXT.get("failure.deadline", DurationText.of(limit));
    }

    Duration limit() {
        return limit;
    }

    /** The exchange's network part is over: the deadline no longer applies. */
    void stop() {
        if (watcher != null) {
            watcher.interrupt();
        }
    }
}
