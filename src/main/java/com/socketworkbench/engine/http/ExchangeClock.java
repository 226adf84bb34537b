package com.socketworkbench.engine.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The times of one exchange as it runs (exchange thread only): how long each phase took, the TLS details once known,
 * and the listener that hears of each phase, guarded so that a failing listener cannot end the exchange.
 */
final class ExchangeClock {
    private static final Logger LOG = LoggerFactory.getLogger(ExchangeClock.class);

    final Instant startedAt = Instant.now();
    private final long t0 = System.nanoTime();
    private final ExchangeListener listener;

    Duration dns = Duration.ZERO;
    Duration connect = Duration.ZERO;
    Duration tls = Duration.ZERO;
    Duration written = Duration.ZERO;
    Duration firstByte = Duration.ZERO;
    Optional<TlsInfo> tlsInfo = Optional.empty();
    /** The phase running now; read by the deadline's thread to say where the exchange was stopped. */
    private volatile String currentPhase = "";

    ExchangeClock(ExchangeListener listener) {
        this.listener = listener;
    }

    /** Forgets the phases of a connection that turned out stale (the request goes out again on a new one). */
    void reset() {
        dns = connect = tls = written = firstByte = Duration.ZERO;
        tlsInfo = Optional.empty();
    }

    Timing timing() {
        return new Timing(dns, connect, tls, written, firstByte, since(t0));
    }

    /**
     * A phase starts. A listener's RuntimeException is logged and forgotten; an Error goes on up, and the exchange's
     * thread still ends the exchange with it.
     */
    void phase(String name) {
        currentPhase = name;
        try {
            listener.onPhase(name, since(t0));
        } catch (RuntimeException e) {
            LOG.warn("An exchange listener failed on phase {}", name, e);
        }
    }

    String currentPhase() {
        return currentPhase;
    }

    void bytes(long received) {
        try {
            listener.onBytes(received);
        } catch (RuntimeException e) {
            LOG.warn("An exchange listener failed on progress", e);
        }
    }

    static Duration since(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }
}
