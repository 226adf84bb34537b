package com.socketworkbench.ui.scenario;

import com.socketworkbench.engine.scenario.Step;
import com.socketworkbench.engine.scenario.StepStatus;

import java.time.Duration;

/**
 * One line of the step list as last seen: the step, where it stands, the iteration (of the innermost repeat; for a
 * repeat, how many ran), how long it took, and for a failure why and what arrived instead (text and hex).
 */
public record StepRow(Step step, StepStatus status, int iteration, Duration took, String message, String receivedText,
               String receivedHex) {

    static StepRow pending(Step step) {
        return new StepRow(step, StepStatus.PENDING, 0, null, null, "", "");
    }
}
