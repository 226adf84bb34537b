package com.socketworkbench.engine.scenario;

/** Where a step stands in a run. */
public enum StepStatus {
    PENDING, RUNNING, PASSED, FAILED,
    /** Not run: an earlier step failed, or the run was stopped before it. */
    SKIPPED,
    /** Stopped by the user while it ran. */
    CANCELLED
}
