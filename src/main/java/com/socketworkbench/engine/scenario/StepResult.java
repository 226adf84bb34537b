package com.socketworkbench.engine.scenario;

import java.time.Duration;

/**
 * How one run of a step ended.
 *
 * @param step      the step
 * @param iteration 1-based iteration of the innermost enclosing repeat; for a repeat itself, how many iterations
 *                  ran; 0 outside any repeat
 * @param status    PASSED, FAILED, SKIPPED or CANCELLED
 * @param took      how long the step ran (for an expect that failed: how long it waited)
 * @param message   why it failed, in the user's language; null when it passed
 * @param expected  for an expect: what it waited for, variables filled in; otherwise null
 * @param received  for an expect that failed: the bytes that arrived instead (not consumed; for UDP the datagrams
 *                  that did not match, one after the other); otherwise empty
 */
public record StepResult(Step step, int iteration, StepStatus status, Duration took, String message,
                         String expected, byte[] received) {

    public StepResult {
        received = received == null ? new byte[0] : received;
    }

    public boolean passed() {
        return status == StepStatus.PASSED;
    }

    /** {@link #received()} as one escaped line of UTF-8 text (CR as \r), at most 200 characters. */
    public String receivedText() {
        return Shown.text(received);
    }

    /** {@link #received()} as hex, at most 256 bytes of it. */
    public String receivedHex() {
        return Shown.hex(received);
    }
}
