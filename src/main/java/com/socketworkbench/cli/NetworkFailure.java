package com.socketworkbench.cli;

/** Sending failed before anything went out: the message names the peer and the reason, in the user's language. */
final class NetworkFailure extends Exception {
    NetworkFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
