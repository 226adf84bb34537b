package com.socketworkbench.engine.http;

import com.socketworkbench.engine.text.Texts;

/** Ends an exchange early with a message for the user (the exchange then carries it as its failure). */
final class ExchangeFailure extends Exception {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.engine.http.http");
    /** The one cancellation message: the engine and the tab recognise a cancel by it (same object, same text). */
    static final String CANCELLED = TEXT.get("failure.cancelled");

    ExchangeFailure(String message) {
        super(message, null, false, false);
    }
}
