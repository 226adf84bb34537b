/**
 * Coverage-guided fuzz tests (Jazzer {@code @FuzzTest}) of the parsers and codecs, each paired with a seeded random
 * run of the same oracle.
 *
 * <p>In the normal {@code mvn test} these tests run in a Surefire execution of their own ({@code fuzz} in pom.xml) with
 * a 256 MiB heap ({@link HeapBoundTest} checks it), and every fuzz test only replays its seed inputs from
 * {@code src/test/resources/com/socketworkbench/fuzz/<Class>Inputs/<method>/} (plus an empty input), which takes well
 * under a second. A longer fuzzing run takes one fuzz test at a time:
 * <pre>
 * JAZZER_FUZZ=1 mvn test-compile surefire:test@fuzz -Dtest=HttpResponseParserFuzzTest -Djazzer.max_duration=10m \
 *     -Djazzer.hooks=true -Djunit.jupiter.execution.timeout.mode=disabled
 * </pre>
 * (likewise {@code HexCodecFuzzTest}, {@code TextEscapesFuzzTest}, {@code FramerFuzzTest}). {@code jazzer.hooks=true}
 * turns the instrumentation back on that {@code junit-platform.properties} switches off for the fast replay; without
 * it the fuzzer gets no coverage feedback. {@code surefire:test@fuzz} runs only the fuzz execution (a plain
 * {@code mvn test -Dtest=...} would run the named test in both executions). Disabling JUnit's timeouts keeps the
 * 10 s {@code @Timeout} of each fuzz test from failing the whole run: Jazzer applies it to every single input. A failing input is written next to the
 * seeds as {@code crash-<sha1>} and replayed by every later normal run; the corpus the fuzzer grows lives in
 * {@code .cifuzz-corpus/} at the project root (not part of the sources).
 */
package com.socketworkbench.fuzz;
