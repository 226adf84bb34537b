package com.socketworkbench.engine.scenario;

import static com.socketworkbench.engine.scenario.ScenarioTexts.TEXT;

import com.socketworkbench.engine.text.DurationText;

import java.time.Duration;
import java.util.Map;

/** The failures an expect ends with, worded the same for TCP and UDP. */
final class Waiting {
    private Waiting() {
    }

    static StepFailure timedOut(ExpectPattern.Prepared pattern, long startedNanos, byte[] instead) {
        String waited = DurationText.of(Duration.ofNanos(System.nanoTime() - startedNanos));
        return new StepFailure(instead.length == 0
                ? TEXT.get("fail.timeout.nothing", Shown.escaped(pattern.shown()), waited)
                : TEXT.get("fail.timeout", Shown.escaped(pattern.shown()), waited, size(instead.length),
                Shown.text(instead), Shown.hex(instead)), pattern.shown(), instead);
    }

    static StepFailure closed(ExpectPattern.Prepared pattern, String why, byte[] instead) {
        return new StepFailure(instead.length == 0
                ? TEXT.get("fail.closed.nothing", Shown.escaped(pattern.shown()), why)
                : TEXT.get("fail.closed", Shown.escaped(pattern.shown()), why, size(instead.length),
                Shown.text(instead), Shown.hex(instead)), pattern.shown(), instead);
    }

    static String size(int bytes) {
        return TEXT.get(bytes == 1 ? "bytes.one" : "bytes.other", String.format("%,d", bytes));
    }

    /** Copies the captures {@code save} names out of {@code found} into {@code vars}. */
    static void save(ExpectPattern.Found found, Map<String, String> save, Map<String, String> vars) {
        for (Map.Entry<String, String> entry : save.entrySet()) {
            String value = found.group().apply(entry.getValue());
            vars.put(entry.getKey(), value == null ? "" : value);
        }
    }
}
