package com.socketworkbench.engine.scenario;

import java.net.SocketAddress;

/**
 * Step progress of a run, called on the thread running it (never the FX thread): implementations return quickly
 * (a UI keeps the latest state and shows it on its own schedule; a 10,000-times repeat calls this 40,000 times).
 */
public interface ScenarioListener {

    /** The run begins; nothing is open yet. */
    default void started(Scenario scenario) {
    }

    /**
     * A connection is open: a client connected ({@code local} is its own address), or a listener is bound
     * ({@code local} is the address clients connect to).
     */
    default void connectionOpened(ConnectionSpec connection, SocketAddress local) {
    }

    /** A step begins; {@code iteration} as in {@link StepResult#iteration()}. */
    default void stepStarted(Step step, int iteration) {
    }

    default void stepFinished(StepResult result) {
    }

    /** The run is over and everything it opened is closed. */
    default void finished(ScenarioResult result) {
    }

    ScenarioListener NONE = new ScenarioListener() {
    };
}
