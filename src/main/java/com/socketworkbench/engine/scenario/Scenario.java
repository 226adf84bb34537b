package com.socketworkbench.engine.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A parsed scenario file: ready to run, immutable, runnable more than once.
 *
 * @param name        the {@code name:} key, or the file's name when there is none
 * @param file        the file name given to the parser
 * @param vars        the {@code vars:} key, in order
 * @param connections by name, in the order declared (and opened)
 * @param steps       the top-level steps
 * @param timeout     the {@code timeout:} key (the whole run's limit), or null for none
 */
public record Scenario(String name, String file, Map<String, String> vars, Map<String, ConnectionSpec> connections,
                       List<Step> steps, Duration timeout) {

    /** Every step, nested ones right after their repeat, in {@link Step#index()} order. */
    public List<Step> allSteps() {
        List<Step> all = new ArrayList<>();
        addAll(steps, all);
        return all;
    }

    private static void addAll(List<Step> steps, List<Step> into) {
        for (Step step : steps) {
            into.add(step);
            if (step instanceof Step.Repeat repeat) {
                addAll(repeat.steps(), into);
            }
        }
    }
}
