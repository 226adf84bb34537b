package com.socketworkbench.cli;

import com.socketworkbench.engine.scenario.ScenarioResult;
import com.socketworkbench.engine.scenario.Step;
import com.socketworkbench.engine.scenario.StepResult;

import java.util.ArrayList;
import java.util.List;

/** A scenario run's results as report steps: one per top-level step, a repeat standing for all its iterations. */
final class ScenarioReports {
    private ScenarioReports() {
    }

    static List<StepReport> steps(ScenarioResult result) {
        List<StepReport> steps = new ArrayList<>();
        for (StepResult step : result.steps()) {
            // A failed repeat: the inner step that failed knows what was expected and what arrived instead.
            StepResult inner = step.step() instanceof Step.Repeat && !step.passed() && result.failed() != null
                    && result.failed().step() != step.step() ? result.failed() : null;
            steps.add(step(step, inner));
        }
        return steps;
    }

    /** {@code step} as the report shows it; {@code inner}, when given, supplies what was expected and received. */
    static StepReport step(StepResult step, StepResult inner) {
        String name = Cli.TEXT.get("run.step", step.step().index() + 1, step.step().describe());
        StepReport.Status status = switch (step.status()) {
            case PASSED -> StepReport.Status.PASSED;
            case FAILED, CANCELLED -> StepReport.Status.FAILED;
            default -> StepReport.Status.SKIPPED;
        };
        String message = step.message() == null ? "" : step.message();
        StepResult source = inner != null ? inner : step;
        StringBuilder detail = new StringBuilder(message);
        if (status == StepReport.Status.FAILED && source.expected() != null) {
            detail.append('\n').append(Cli.TEXT.get("run.detail.expected", source.expected()));
            detail.append('\n').append(Cli.TEXT.get("run.detail.received", source.receivedText()));
            detail.append('\n').append(Cli.TEXT.get("run.detail.hex", source.receivedHex()));
        }
        return new StepReport(name, status, step.took(), message, detail.toString());
    }
}
