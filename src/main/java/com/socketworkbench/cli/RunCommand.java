package com.socketworkbench.cli;

import com.socketworkbench.engine.event.EventSink;
import com.socketworkbench.engine.scenario.Scenario;
import com.socketworkbench.engine.scenario.ScenarioException;
import com.socketworkbench.engine.scenario.ScenarioListener;
import com.socketworkbench.engine.scenario.ScenarioParser;
import com.socketworkbench.engine.scenario.ScenarioResult;
import com.socketworkbench.engine.scenario.ScenarioRunner;
import com.socketworkbench.engine.scenario.StepResult;
import com.socketworkbench.engine.text.DurationText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code run FILE... [--junit REPORT.xml] [--timeout D] [--var NAME=VALUE]...}: runs scenario files one after the other, prints a line per
 * step as it finishes and a summary, and writes a JUnit XML report. Every file is read and checked before any runs,
 * so a typo in the last file costs no run: exit 2 names its file, line and column; otherwise exit 0 when every
 * scenario passed and 1 when any failed.
 */
@Command(name = RunCommand.NAME)
final class RunCommand implements Callable<Integer> {
    static final String NAME = "run";

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", descriptionKey = "run.files")
    List<Path> files;

    @Option(names = "--junit", paramLabel = "REPORT.xml", descriptionKey = "run.junit")
    Path junit;

    @Option(names = "--timeout", paramLabel = "D", descriptionKey = "run.timeout")
    String timeoutText;

    @Option(names = "--var", paramLabel = "NAME=VALUE", descriptionKey = "run.var")
    Map<String, String> variables = new LinkedHashMap<>();

    @Override
    public Integer call() {
        Duration timeout = timeoutText == null ? null : CliDuration.parse(timeoutText)
                .orElseThrow(() -> new ParameterException(spec.commandLine(),
                        Cli.TEXT.get("error.duration", "--timeout", timeoutText)));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<Path, Scenario> scenarios = new LinkedHashMap<>();
        boolean invalid = false;
        for (Path file : files) {
            try {
                // Named as typed, so that the error's file:line:column opens in an editor from here.
                // Relative TLS files (ca, cert, key) are beside the scenario file, wherever the command runs.
                scenarios.put(file, ScenarioParser.parse(Files.readString(file, StandardCharsets.UTF_8),
                        file.toString(), file.toAbsolutePath().getParent()));
            } catch (ScenarioException bad) {
                err.println(bad.getMessage());
                invalid = true;
            } catch (IOException unreadable) {
                err.println(Cli.TEXT.get("run.error.read", file, unreadable.getClass().getSimpleName()
                        + (unreadable.getMessage() == null ? "" : ": " + unreadable.getMessage())));
                invalid = true;
            }
        }
        if (invalid) {
            return Cli.USAGE;
        }
        List<SuiteReport> suites = new ArrayList<>();
        boolean allPassed = true;
        for (Map.Entry<Path, Scenario> entry : scenarios.entrySet()) {
            SuiteReport suite = run(entry.getValue(), entry.getKey(), timeout, variables, out);
            suites.add(suite);
            allPassed &= suite.count(StepReport.Status.FAILED) == 0;
        }
        out.println(Cli.TEXT.get("run.summary",
                suites.stream().filter(s -> s.count(StepReport.Status.FAILED) == 0).count(),
                suites.stream().filter(s -> s.count(StepReport.Status.FAILED) > 0).count(),
                suites.stream().mapToLong(s -> s.count(StepReport.Status.PASSED)).sum(),
                suites.stream().mapToLong(s -> s.count(StepReport.Status.FAILED)).sum(),
                suites.stream().mapToLong(s -> s.count(StepReport.Status.SKIPPED)).sum()));
        if (junit != null) {
            try {
                JUnitXml.write(suites, junit);
                out.println(Cli.TEXT.get("run.report", junit));
            } catch (IOException unwritable) {
                err.println(Cli.TEXT.get("run.error.report", junit, unwritable.getMessage()));
                return Cli.USAGE;
            }
        }
        out.flush();
        return allPassed ? Cli.OK : Cli.FAILED;
    }

    private static SuiteReport run(Scenario scenario, Path file, Duration timeout, Map<String, String> variables,
                                   PrintWriter out) {
        out.println(Cli.TEXT.get("run.scenario", scenario.name(), file));
        out.flush();
        Instant started = Instant.now();
        StepLines lines = new StepLines(out);
        ScenarioRunner runner = new ScenarioRunner(scenario, EventSink.NONE, lines);
        if (timeout != null) {
            runner.setTimeout(timeout);
        }
        runner.setVariables(variables);
        ScenarioResult result = runner.run();
        List<StepReport> steps = ScenarioReports.steps(result);
        // Steps the run never reached (after a failure) were not reported live: their lines come now.
        for (int i = lines.printed(); i < steps.size(); i++) {
            lines.print(steps.get(i));
        }
        if (!result.passed() && steps.stream().noneMatch(step -> step.status() == StepReport.Status.FAILED)) {
            // Failed outside any step (a connection that would not open): the report still shows a failure.
            StepReport whole = new StepReport(Cli.TEXT.get("run.case.whole"), StepReport.Status.FAILED,
                    result.took(), result.message(), result.message());
            steps = new ArrayList<>(steps);
            steps.add(whole);
            lines.print(whole);
        }
        out.println(result.passed()
                ? Cli.TEXT.get("run.outcome.passed", scenario.name(), DurationText.of(result.took()))
                : Cli.TEXT.get("run.outcome.failed", scenario.name(), DurationText.of(result.took()),
                result.message() == null ? "" : result.message()));
        out.flush();
        return new SuiteReport(scenario.name(), file.toString(), started, result.took(), steps);
    }

    /** Prints a line per top-level step as it finishes (a repeat's steps are summed up in the repeat's line). */
    private static final class StepLines implements ScenarioListener {
        private final PrintWriter out;
        private int printed;

        StepLines(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void stepFinished(StepResult result) {
            if (result.step().depth() == 0) {
                print(ScenarioReports.step(result, null));
            }
        }

        synchronized void print(StepReport step) {
            String status = switch (step.status()) {
                case PASSED -> Cli.TEXT.get("run.status.passed");
                case FAILED -> Cli.TEXT.get("run.status.failed");
                case SKIPPED -> Cli.TEXT.get("run.status.skipped");
            };
            out.println(step.status() == StepReport.Status.SKIPPED ? status + "  " + step.name()
                    : status + "  " + step.name() + "  " + DurationText.of(step.time()));
            if (step.status() == StepReport.Status.FAILED && !step.message().isEmpty()) {
                out.println("      " + step.message());
            }
            out.flush();
            printed++;
        }

        synchronized int printed() {
            return printed;
        }
    }
}
