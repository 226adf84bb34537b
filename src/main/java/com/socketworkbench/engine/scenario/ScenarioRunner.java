package com.socketworkbench.engine.scenario;

import static com.socketworkbench.engine.scenario.ScenarioTexts.TEXT;

import com.socketworkbench.engine.codec.LineEnding;
import com.socketworkbench.engine.codec.PayloadFormatException;
import com.socketworkbench.engine.event.EventSink;
import com.socketworkbench.engine.fields.FieldTemplate;
import com.socketworkbench.engine.fields.PayloadSpec;
import com.socketworkbench.engine.net.Endpoints;
import com.socketworkbench.engine.text.DurationText;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs a {@link Scenario} against real sockets: opens its connections in the order declared (a listener's
 * {@code ${name.port}} is known to the connections after it), runs the steps in order until one fails, and always
 * closes everything it opened.
 *
 * <pre>{@code
 * Scenario scenario = ScenarioParser.parse(path);
 * ScenarioRunner runner = new ScenarioRunner(scenario, sink, listener);
 * runner.setTimeout(Duration.ofMinutes(1));      // optional: the whole run's limit
 * ScenarioResult result = runner.run();           // blocks; runner.cancel() from any thread stops it
 * }</pre>
 *
 * Traffic goes to the {@link EventSink} as the engine's events (the same a socket tab shows), progress to the
 * {@link ScenarioListener}; both are called on engine or runner threads and must return quickly. A runner runs
 * once.
 */
public final class ScenarioRunner {
    private static final Logger LOG = LoggerFactory.getLogger(ScenarioRunner.class);

    private final Scenario scenario;
    private final EventSink sink;
    private final ScenarioListener listener;
    private final Map<String, String> overrides = new LinkedHashMap<>();
    private final Map<String, Link> links = new LinkedHashMap<>();
    /** Per send step: the text it was last compiled from and its template, so dynamic-field counters advance. */
    private final Map<Integer, Compiled> compiled = new HashMap<>();
    private volatile RunControl control;
    private volatile boolean cancelledEarly;
    private Duration timeout;
    private boolean ran;

    private record Compiled(String text, FieldTemplate template) {
    }

    public ScenarioRunner(Scenario scenario, EventSink sink, ScenarioListener listener) {
        this.scenario = Objects.requireNonNull(scenario, "scenario");
        this.sink = sink == null ? EventSink.NONE : sink;
        this.listener = listener == null ? ScenarioListener.NONE : listener;
        this.timeout = scenario.timeout();
    }

    /** The whole run's limit, replacing the file's {@code timeout:}; null for none. */
    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    /** Values that replace the file's {@code vars:} of the same name (or add to them), e.g. from a command line. */
    public void setVariables(Map<String, String> values) {
        overrides.putAll(values);
    }

    /** Stops the run from any thread: the step running now ends at once as CANCELLED; connections are closed. */
    public void cancel() {
        RunControl c = control;
        if (c != null) {
            c.stop(RunControl.Stop.CANCELLED);
        } else {
            cancelledEarly = true;
        }
    }

    /** Runs the scenario on the calling thread; returns when it is over and everything is closed. */
    public ScenarioResult run() {
        synchronized (this) {
            if (ran) {
                throw new IllegalStateException("A ScenarioRunner runs once");
            }
            ran = true;
        }
        long startedAt = System.nanoTime();
        RunControl c = new RunControl(timeout == null ? Long.MAX_VALUE : startedAt + timeout.toNanos());
        control = c;
        if (cancelledEarly) {
            c.stop(RunControl.Stop.CANCELLED);
        }
        listener.started(scenario);
        Map<String, String> vars = new HashMap<>(scenario.vars());
        vars.putAll(overrides);
        List<StepResult> results = new ArrayList<>();
        StepResult[] failed = new StepResult[1];
        String message = null;
        ScenarioOutcome outcome;
        try {
            open(vars, c);
            outcome = runSteps(scenario.steps(), 0, vars, c, results, failed);
            if (outcome == ScenarioOutcome.PASSED) {
                for (Link link : links.values()) {
                    // A send at the very end passed when queued: the run passes only once it is written.
                    link.awaitSent(System.nanoTime() + link.spec.within().toNanos(), c);
                }
            }
            if (outcome != ScenarioOutcome.PASSED && failed[0] != null) {
                message = failed[0].message();
            }
        } catch (StepFailure e) {
            outcome = ScenarioOutcome.FAILED;
            message = e.getMessage();
        } catch (RunControl.Stopped e) {
            outcome = outcomeOf(e.why);
            message = stoppedMessage(e.why);
        } finally {
            closeAll();
        }
        for (int i = results.size(); i < scenario.steps().size(); i++) {
            results.add(new StepResult(scenario.steps().get(i), 0, StepStatus.SKIPPED, Duration.ZERO, null, null,
                    null));
        }
        ScenarioResult result = new ScenarioResult(scenario, outcome, Duration.ofNanos(System.nanoTime() - startedAt),
                List.copyOf(results), failed[0], message);
        LOG.info("Scenario {} {} in {}", scenario.name(), outcome, DurationText.of(result.took()));
        listener.finished(result);
        return result;
    }

    // ------------------------------------------------------------------ connections

    private void open(Map<String, String> vars, RunControl c) throws StepFailure, RunControl.Stopped {
        for (ConnectionSpec spec : scenario.connections().values()) {
            c.check();
            String address;
            try {
                address = spec.address().render(vars);
            } catch (Template.MissingVariable e) {
                throw new StepFailure(TEXT.get("fail.var.missing", e.name));
            }
            HostPort hostPort = HostPort.parse(address);
            if (hostPort == null || !spec.listen() && hostPort.port() == 0) {
                throw new StepFailure(TEXT.get("fail.address", spec.name(), address));
            }
            Link link = Link.of(spec, sink);
            links.put(spec.name(), link);
            c.onStop(link.inbox::wake);
            SocketAddress local = link.open(hostPort, c);
            if (spec.listen() && local instanceof InetSocketAddress bound) {
                vars.put(spec.name() + ".host", bound.getAddress().getHostAddress());
                vars.put(spec.name() + ".port", Integer.toString(bound.getPort()));
            }
            LOG.debug("Scenario connection {} open at {}", spec.name(), Endpoints.describe(local));
            listener.connectionOpened(spec, local);
        }
    }

    private void closeAll() {
        for (Link link : links.values()) {
            try {
                link.close();
            } catch (RuntimeException e) {
                LOG.warn("Closing scenario connection {} failed", link.spec.name(), e);
            }
        }
    }

    // ------------------------------------------------------------------ steps

    /**
     * Runs {@code steps} in order; stops at the first that does not pass. Adds one result per step to
     * {@code results} when given; {@code failed[0]} gets the innermost failing result.
     */
    private ScenarioOutcome runSteps(List<Step> steps, int iteration, Map<String, String> vars, RunControl c,
                                     List<StepResult> results, StepResult[] failed) {
        for (Step step : steps) {
            StepResult result = runStep(step, iteration, vars, c, failed);
            if (results != null) {
                results.add(result);
            }
            if (!result.passed()) {
                if (failed[0] == null) {
                    failed[0] = result;
                }
                return c.stopped() != null ? outcomeOf(c.stopped()) : ScenarioOutcome.FAILED;
            }
        }
        return ScenarioOutcome.PASSED;
    }

    private StepResult runStep(Step step, int iteration, Map<String, String> vars, RunControl c,
                               StepResult[] failed) {
        listener.stepStarted(step, iteration);
        long started = System.nanoTime();
        StepResult result;
        try {
            c.check();
            if (step instanceof Step.Repeat repeat) {
                result = runRepeat(repeat, vars, c, failed, started);
            } else {
                execute(step, vars, c);
                result = new StepResult(step, iteration, StepStatus.PASSED, since(started), null, null, null);
            }
        } catch (StepFailure e) {
            result = new StepResult(step, iteration, StepStatus.FAILED, since(started), e.getMessage(), e.expected,
                    e.received);
        } catch (RunControl.Stopped e) {
            result = new StepResult(step, iteration, e.why == RunControl.Stop.TIMED_OUT
                    ? StepStatus.FAILED : StepStatus.CANCELLED, since(started), stoppedMessage(e.why), null, null);
        }
        listener.stepFinished(result);
        return result;
    }

    private StepResult runRepeat(Step.Repeat repeat, Map<String, String> vars, RunControl c, StepResult[] failed,
                                 long started) {
        for (int i = 1; i <= repeat.times(); i++) {
            ScenarioOutcome outcome = runSteps(repeat.steps(), i, vars, c, null, failed);
            if (outcome != ScenarioOutcome.PASSED) {
                StepResult inner = failed[0];
                StepStatus status = outcome == ScenarioOutcome.CANCELLED ? StepStatus.CANCELLED : StepStatus.FAILED;
                String message = inner == null ? null
                        : TEXT.get("fail.repeat", String.format("%,d", i), inner.step().describe(), inner.message());
                return new StepResult(repeat, i, status, since(started), message,
                        inner == null ? null : inner.expected(), inner == null ? null : inner.received());
            }
        }
        return new StepResult(repeat, repeat.times(), StepStatus.PASSED, since(started), null, null, null);
    }

    private void execute(Step step, Map<String, String> vars, RunControl c)
            throws StepFailure, RunControl.Stopped {
        switch (step) {
            case Step.Send send -> send(send, vars, c);
            case Step.Expect expect -> expect(expect, vars, c);
            case Step.Wait wait -> c.sleepUntil(System.nanoTime() + wait.duration().toNanos());
            case Step.Close close -> close(links.get(close.connection()), c);
            case Step.Repeat repeat -> throw new IllegalStateException("repeat runs in runRepeat");
        }
    }

    private void send(Step.Send send, Map<String, String> vars, RunControl c) throws StepFailure, RunControl.Stopped {
        Link link = links.get(send.to());
        String text;
        try {
            text = send.payload().render(vars);
        } catch (Template.MissingVariable e) {
            throw new StepFailure(TEXT.get("fail.var.missing", e.name));
        }
        Compiled last = compiled.get(send.index());
        if (last == null || !last.text().equals(text)) {
            try {
                last = new Compiled(text, FieldTemplate.compile(payloadSpec(text, send.hex(), send.fields())));
            } catch (PayloadFormatException e) {
                throw new StepFailure(TEXT.get("fail.payload", e.getMessage()));
            }
            compiled.put(send.index(), last);
        }
        link.confirmSent();
        link.send(last.template().next(), c);
    }

    private void expect(Step.Expect expect, Map<String, String> vars, RunControl c)
            throws StepFailure, RunControl.Stopped {
        Link link = links.get(expect.from());
        ExpectPattern.Prepared pattern;
        try {
            pattern = expect.pattern().prepare(vars);
        } catch (Template.MissingVariable e) {
            throw new StepFailure(TEXT.get("fail.var.missing", e.name));
        } catch (ExpectPattern.InvalidPattern e) {
            throw new StepFailure(TEXT.get("error." + expect.pattern().key(), e.getMessage()));
        }
        if (link instanceof TcpListenLink listen) {
            listen.awaitClient(c);
        }
        link.confirmSent();
        Duration within = expect.within() != null ? expect.within() : link.spec.within();
        link.inbox.expect(pattern, expect.save(), vars, System.nanoTime() + within.toNanos(), c);
    }

    /** A close step: the latest send is written first (the close sends what is queued anyway), then FIN. */
    private static void close(Link link, RunControl c) throws StepFailure, RunControl.Stopped {
        link.awaitSent(System.nanoTime() + link.spec.within().toNanos(), c);
        link.close();
    }

    /** How a scenario's send reads its text: UTF-8 or hex as written, no line ending or escapes added. */
    static PayloadSpec payloadSpec(String text, boolean hex, boolean fields) {
        return new PayloadSpec(text, ScenarioParser.format(hex), StandardCharsets.UTF_8, LineEnding.NONE, false,
                fields);
    }

    private static ScenarioOutcome outcomeOf(RunControl.Stop why) {
        return why == RunControl.Stop.TIMED_OUT ? ScenarioOutcome.TIMED_OUT : ScenarioOutcome.CANCELLED;
    }

    private String stoppedMessage(RunControl.Stop why) {
        return why == RunControl.Stop.TIMED_OUT
                ? TEXT.get("fail.global.timeout", DurationText.of(timeout == null ? Duration.ZERO : timeout))
                : TEXT.get("fail.cancelled");
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
