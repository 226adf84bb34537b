package com.socketworkbench.engine.scenario;

import java.util.Map;

/** Received bytes of one connection, waiting for expects. */
interface Inbox {
    /** Bytes arrived (engine thread). */
    void add(byte[] data);

    /** The connection ended: nothing more will arrive (engine thread). */
    void closed(String why);

    /** Wakes a waiting expect so it looks at the run's stop switch. */
    void wake();

    /**
     * Waits until {@code pattern} matches, consumes through the match and saves the captures named in {@code save}
     * into {@code vars}.
     */
    void expect(ExpectPattern.Prepared pattern, Map<String, String> save, Map<String, String> vars, long deadline,
                RunControl control) throws StepFailure, RunControl.Stopped;
}
