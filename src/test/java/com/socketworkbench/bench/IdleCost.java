package com.socketworkbench.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * P7: what an idle window costs. The real window (headless) with every tab opened once and no traffic, for 60 s
 * (10 s quick), in a child JVM ({@link IdleCostProbe}) with the app's garbage-collector options: the process's CPU
 * time over the window as a share of one core, and the FX pulses that ran in it. Idle means no pulse at all: each pulse walks, styles, lays out and renders the
 * scene.
 */
final class IdleCost implements BenchPart {
    @Override
    public String id() {
        return "P7";
    }

    @Override
    public String title() {
        return "Idle cost";
    }

    @Override
    public List<Figure> run(BenchConfig config) throws Exception {
        int seconds = config.quick() ? 10 : 60;
        List<String> jvmArgs = new ArrayList<>(ChildJvm.HEADLESS);
        jvmArgs.addAll(ChildJvm.appJvmOptions());
        Properties result = ChildJvm.run("P7", jvmArgs, IdleCostProbe.class,
                List.of(Integer.toString(seconds)), Duration.ofSeconds(seconds + 120L));
        double windowMillis = Double.parseDouble(result.getProperty("windowMillis"));
        double cpuMillis = Double.parseDouble(result.getProperty("cpuMillis"));
        long pulses = Long.parseLong(result.getProperty("pulses"));
        double percent = 100 * cpuMillis / windowMillis;
        String window = String.format(Locale.ROOT, "%s tabs opened once, then %d s without traffic",
                result.getProperty("tabs"), seconds);
        String requesters = "registered on the FX primary timer at the start / end of the window: animation timers "
                + result.getProperty("animationTimers.start") + " / " + result.getProperty("animationTimers.end")
                + ", animations " + result.getProperty("animations.start") + " / "
                + result.getProperty("animations.end");
        return List.of(
                Figure.atMost(id(), "Idle window, all tabs opened: CPU of the app's JVM, % of one core", 2, percent,
                        "%", window + "; " + Figure.number(cpuMillis) + " ms of CPU (utime + stime, /proc) in "
                                + Figure.number(windowMillis) + " ms; busiest threads: "
                                + result.getProperty("threads") + "; resident memory at the end "
                                + result.getProperty("rssMiB") + " MiB"),
                Figure.check(id(), "Idle window, all tabs opened: FX pulses run", "none", pulses == 0,
                        Figure.number(pulses) + " pulses", String.format(Locale.ROOT, "%.1f pulses/s; %s",
                                pulses * 1000.0 / windowMillis, requesters)));
    }
}
