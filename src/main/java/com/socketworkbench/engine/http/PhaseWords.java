package com.socketworkbench.engine.http;

import com.socketworkbench.engine.text.Texts;

/**
 * The phases of an exchange ({@link ExchangeListener}'s constants, which are identifiers the engine compares) in the
 * user's language, for progress and for the deadline's "stopped during …".
 */
public final class PhaseWords {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.http.http");

    private PhaseWords() {
    }

    /** {@code phase} in words; a name that is not one of the constants is returned as it is. */
    public static String of(String phase) {
        String key = switch (phase == null ? "" : phase) {
            case ExchangeListener.RESOLVING -> "phase.resolving";
            case ExchangeListener.CONNECTING -> "phase.connecting";
            case ExchangeListener.TLS_HANDSHAKE -> "phase.tls";
            case ExchangeListener.REUSING_CONNECTION -> "phase.reusing";
            case ExchangeListener.SENDING -> "phase.sending";
            case ExchangeListener.WAITING -> "phase.waiting";
            case ExchangeListener.RECEIVING -> "phase.receiving";
            case ExchangeListener.DONE -> "phase.done";
            default -> null;
        };
        return key == null ? phase : TEXT.get(key);
    }
}
