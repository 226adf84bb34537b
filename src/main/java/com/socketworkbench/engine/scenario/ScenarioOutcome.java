package com.socketworkbench.engine.scenario;

/** How a run ended. */
public enum ScenarioOutcome {
    PASSED,
    /** A step failed, or a connection could not be opened. */
    FAILED,
    /** Stopped by {@link ScenarioRunner#cancel()}. */
    CANCELLED,
    /** The whole run took longer than its timeout. */
    TIMED_OUT
}
