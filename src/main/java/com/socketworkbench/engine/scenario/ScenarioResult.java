package com.socketworkbench.engine.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How a run ended.
 *
 * @param scenario the scenario run
 * @param outcome  passed, failed, cancelled or timed out
 * @param took     the run's wall time, opening and closing connections included
 * @param steps    one result per top-level step, in order (a repeat's result stands for all its iterations; steps
 *                 after a failure are SKIPPED)
 * @param failed   the innermost step result that did not pass (inside a repeat: the step of the iteration that
 *                 failed, with what arrived instead); null when the run passed or no step had started
 * @param message  why it did not pass, in the user's language (the failed step's message, or why a connection
 *                 could not be opened); null when it passed
 */
public record ScenarioResult(Scenario scenario, ScenarioOutcome outcome, Duration took, List<StepResult> steps,
                             StepResult failed, String message) {

    public boolean passed() {
        return outcome == ScenarioOutcome.PASSED;
    }

    public Optional<StepResult> failure() {
        return Optional.ofNullable(failed);
    }
}
