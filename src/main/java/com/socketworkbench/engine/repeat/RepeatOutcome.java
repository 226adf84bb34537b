package com.socketworkbench.engine.repeat;

/**
 * How a periodic send ended.
 *
 * @param ending  completed (all {@code count} sends went), stopped (by the user or the tab) or failed (a send failed)
 * @param sent    sends made
 * @param skipped scheduled sends left out because the sender had fallen too far behind (see {@link PeriodicSender})
 * @param reason  why it failed, in words; empty otherwise
 */
public record RepeatOutcome(Ending ending, long sent, long skipped, String reason) {
    public enum Ending { COMPLETED, STOPPED, FAILED }
}
