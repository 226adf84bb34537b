package com.socketworkbench.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** One scenario file's run: its steps in order, when it started and how long it took. */
record SuiteReport(String name, String file, Instant started, Duration time, List<StepReport> steps) {
    SuiteReport {
        steps = List.copyOf(steps);
    }

    long count(StepReport.Status status) {
        return steps.stream().filter(step -> step.status() == status).count();
    }
}
