package com.socketworkbench.engine.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One step of a scenario. Steps are numbered in the order they are written, the steps inside a {@code repeat} right
 * after it ({@link #index()}); {@link #depth()} is how many repeats enclose it. {@link #describe()} is a one-line
 * summary in the user's language for step lists and reports.
 */
public sealed interface Step permits Step.Send, Step.Expect, Step.Wait, Step.Close, Step.Repeat {

    int index();

    int depth();

    SourceLocation location();

    /** "send", "expect", "wait", "close" or "repeat": the key the step was written with. */
    String kind();

    String describe();

    /**
     * Sends {@code payload} to the connection; {@code hex} when written with {@code hex:}, {@code fields} when
     * dynamic fields are on.
     */
    record Send(int index, int depth, SourceLocation location, String to, Template payload, boolean hex,
                boolean fields) implements Step {
        @Override
        public String kind() {
            return "send";
        }

        @Override
        public String describe() {
            return ScenarioTexts.TEXT.get(hex ? "step.send.hex" : "step.send.text", to,
                    Shown.escaped(payload.source()));
        }
    }

    /**
     * Waits up to {@code within} (null: the connection's default) for {@code pattern} on the connection, then saves
     * captures: variable name to group ("0", "1", or a group's name).
     */
    record Expect(int index, int depth, SourceLocation location, String from, ExpectPattern pattern, Duration within,
                  Map<String, String> save) implements Step {
        @Override
        public String kind() {
            return "expect";
        }

        @Override
        public String describe() {
            String source = pattern.source().source();
            return ScenarioTexts.TEXT.get("step.expect." + pattern.key(), from,
                    pattern.key().equals("regex") ? Shown.regex(source) : Shown.escaped(source));
        }
    }

    record Wait(int index, int depth, SourceLocation location, Duration duration) implements Step {
        @Override
        public String kind() {
            return "wait";
        }

        @Override
        public String describe() {
            return ScenarioTexts.TEXT.get("step.wait", com.socketworkbench.engine.text.DurationText.of(duration));
        }
    }

    record Close(int index, int depth, SourceLocation location, String connection) implements Step {
        @Override
        public String kind() {
            return "close";
        }

        @Override
        public String describe() {
            return ScenarioTexts.TEXT.get("step.close", connection);
        }
    }

    /** Runs {@code steps} {@code times} times in a row. */
    record Repeat(int index, int depth, SourceLocation location, int times, List<Step> steps) implements Step {
        @Override
        public String kind() {
            return "repeat";
        }

        @Override
        public String describe() {
            return ScenarioTexts.TEXT.get("step.repeat", String.format("%,d", times));
        }
    }
}
