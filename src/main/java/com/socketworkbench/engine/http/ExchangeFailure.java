package com.socketworkbench.engine.http;

/** Ends an exchange early with a message for the user (the exchange then carries it as its failure). */
final class ExchangeFailure extends Exception {
    static final String CANCELLED = "Cancelled";

    ExchangeFailure(String message) {
        super(message, null, false, false);
    }
}
