package com.socketworkbench.bench;

import com.socketworkbench.engine.codec.LineEnding;
import com.socketworkbench.engine.codec.PayloadFormat;
import com.socketworkbench.engine.fields.FieldTemplate;
import com.socketworkbench.engine.fields.PayloadSpec;
import com.socketworkbench.engine.repeat.PeriodicSender;
import com.socketworkbench.engine.repeat.RepeatOutcome;
import com.socketworkbench.engine.repeat.RepeatPlan;
import com.socketworkbench.engine.repeat.LoopbackPeer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * P10: periodic send at its shortest interval. A {@link PeriodicSender} sends a 16-byte payload every 1 ms,
 * 10,000 times (3,000 quick), through an engine {@code TcpClient} to a JDK reader on loopback; the figure is the
 * achieved rate (sends / time from the start to the last send written) against the configured 1,000/s. Slots the
 * sender skipped because it was more than 100 ms behind are reported beside it; the peer must have received every
 * byte sent.
 */
final class PeriodicSendBench implements BenchPart {
    private static final double TARGET_RATE = 1_000;

    @Override
    public String id() {
        return "P10";
    }

    @Override
    public String title() {
        return "Periodic send";
    }

    @Override
    public List<Figure> run(BenchConfig config) throws Exception {
        int sends = config.quick() ? 3_000 : 10_000;
        FieldTemplate template = FieldTemplate.compile(new PayloadSpec("periodic-send-16", PayloadFormat.TEXT,
                StandardCharsets.US_ASCII, LineEnding.NONE, false, false));
        try (LoopbackPeer peer = new LoopbackPeer()) {
            long start = System.nanoTime();
            PeriodicSender sender = PeriodicSender.start(template, RepeatPlan.every(Duration.ofMillis(1), sends),
                    peer.sink());
            RepeatOutcome outcome = sender.done().get(sends / 100 + 60, TimeUnit.SECONDS);
            double seconds = (System.nanoTime() - start) / 1e9;
            peer.closeClientAndDrain(Duration.ofSeconds(10));
            double rate = outcome.sent() / seconds;
            double deviation = Math.abs(rate - TARGET_RATE) / TARGET_RATE;
            String note = String.format(Locale.ROOT, "%,d sends in %.3f s (configured: every 1 ms, so %.3f s); "
                            + "%,d slots skipped (over 100 ms behind); ended %s; the peer received %,d B of %,d B",
                    outcome.sent(), seconds, (sends - 1) / 1000.0, outcome.skipped(), outcome.ending(),
                    peer.received(), outcome.sent() * 16);
            boolean exact = outcome.ending() == RepeatOutcome.Ending.COMPLETED
                    && peer.received() == outcome.sent() * 16;
            return List.of(
                    new Figure(id(), "Every 1 ms to a loopback peer: achieved rate vs 1,000/s", "within 5 %",
                            String.format(Locale.ROOT, "%,.0f/s", rate),
                            String.format(Locale.ROOT, "%.3f", rate / TARGET_RATE),
                            deviation <= 0.05 ? Figure.Result.PASS : Figure.Result.MISS, note),
                    Figure.check(id(), "Every 1 ms: all sends made and received", "exact", exact,
                            exact ? "exact" : "not exact", note));
        }
    }
}
