package com.socketworkbench.engine.scenario;

/**
 * A step that did not pass: why (in the user's language), what it expected and what arrived instead. Carries no
 * stack trace: it is an expected outcome, not a bug.
 */
final class StepFailure extends Exception {
    final String expected;
    final byte[] received;

    StepFailure(String message) {
        this(message, null, null);
    }

    StepFailure(String message, String expected, byte[] received) {
        super(message, null, false, false);
        this.expected = expected;
        this.received = received;
    }
}
