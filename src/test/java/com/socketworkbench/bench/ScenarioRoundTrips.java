package com.socketworkbench.bench;

import com.socketworkbench.engine.event.EventSink;
import com.socketworkbench.engine.scenario.LoopbackPeer;
import com.socketworkbench.engine.scenario.Scenario;
import com.socketworkbench.engine.scenario.ScenarioOutcome;
import com.socketworkbench.engine.scenario.ScenarioParser;
import com.socketworkbench.engine.scenario.ScenarioResult;
import com.socketworkbench.engine.scenario.ScenarioRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * P9: a scenario of 10,000 request/replies on one TCP connection ({@code repeat} of a send and an expect) against a
 * plain JDK echo peer on loopback, run by the real {@link ScenarioRunner} on the engine's TcpClient with a sink that
 * counts the traffic events (as the tab's or the command line's would take them). Wall time of {@code run()},
 * connect and close included. Median of 5 runs (3 quick) after one warm-up run. Target: ≤ 2 s.
 */
final class ScenarioRoundTrips implements BenchPart {
    private static final Logger LOG = LoggerFactory.getLogger(ScenarioRoundTrips.class);
    private static final int ROUND_TRIPS = 10_000;

    @Override
    public String id() {
        return "P9";
    }

    @Override
    public String title() {
        return "Scenario round trips";
    }

    @Override
    public List<Figure> run(BenchConfig config) throws Exception {
        int runs = config.runs(5, 3);
        List<Double> millis = new ArrayList<>();
        AtomicLong events = new AtomicLong();
        try (LoopbackPeer peer = LoopbackPeer.echo()) {
            Scenario scenario = ScenarioParser.parse("""
                    name: P9 round trips
                    connections:
                      echo: { tcp: "127.0.0.1:%d", within: 5s }
                    steps:
                      - repeat:
                          times: %d
                          steps:
                            - send:   { to: echo, text: "ping 0123456789\\n" }
                            - expect: { from: echo, contains: "ping 0123456789\\n" }
                      - close: echo
                    """.formatted(peer.port(), ROUND_TRIPS), "p9.yaml");
            EventSink counting = event -> events.incrementAndGet();
            for (int run = -1; run < runs; run++) {
                events.set(0);
                ScenarioResult result = new ScenarioRunner(scenario, counting, null).run();
                if (result.outcome() != ScenarioOutcome.PASSED) {
                    return List.of(Figure.failed(id(), title(), "run " + run + ": " + result.message()));
                }
                double ms = result.took().toNanos() / 1e6;
                LOG.info(String.format(Locale.ROOT, "P9 run %d/%d: %.1f ms, %d events", run + 1, runs, ms,
                        events.get()));
                if (run >= 0) {
                    millis.add(ms);
                }
            }
        }
        double median = Stats.median(millis);
        return List.of(Figure.atMost(id(), String.format(Locale.ROOT,
                        "scenario: %,d send + expect round trips on one connection (echo peer)", ROUND_TRIPS), 2000,
                median, "ms", "per run " + millis + " ms; "
                        + String.format(Locale.ROOT, "%.1f µs per round trip", median * 1000 / ROUND_TRIPS)));
    }
}
