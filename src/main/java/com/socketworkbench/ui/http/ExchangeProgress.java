package com.socketworkbench.ui.http;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.engine.http.ExchangeListener;
import com.socketworkbench.engine.http.PhaseWords;
import com.socketworkbench.ui.traffic.Formats;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Progress of the running exchange. The exchange thread only stores the latest phase and byte count; the FX thread
 * reads them once per frame, so a fast download costs no FX work per socket read.
 */
final class ExchangeProgress implements ExchangeListener {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.http.http");
    private final AtomicReference<String> phase = new AtomicReference<>(TEXT.get("phase.starting"));
    private final AtomicLong received = new AtomicLong();

    @Override
    public void onPhase(String phase, Duration at) {
        this.phase.set(PhaseWords.of(phase));
    }

    @Override
    public void onBytes(long received) {
        this.received.set(received);
    }

    long received() {
        return received.get();
    }

    /** "Receiving · 1.2 MiB", "Connecting". */
    String describe() {
        long bytes = received.get();
        return bytes > 0 ? phase.get() + " · " + Formats.bytes(bytes) : phase.get();
    }
}
