package com.socketworkbench.cli;

import java.time.Duration;
import java.util.Objects;

/**
 * One step of a scenario as the report shows it. {@code message} is the one-line reason of a failure (expected vs
 * received), {@code detail} the longer text (what arrived, as text and hex); both empty for a passed step.
 */
record StepReport(String name, Status status, Duration time, String message, String detail) {
    enum Status { PASSED, FAILED, SKIPPED }

    StepReport {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        time = time == null ? Duration.ZERO : time;
        message = message == null ? "" : message;
        detail = detail == null ? "" : detail;
    }
}
