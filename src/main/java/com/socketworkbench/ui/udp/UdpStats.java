package com.socketworkbench.ui.udp;

import com.socketworkbench.engine.udp.UdpEndpoint;
import com.socketworkbench.ui.fx.UiExecutor;
import com.socketworkbench.ui.traffic.Formats;
import com.socketworkbench.ui.tab.TabStatus;
import com.socketworkbench.ui.fx.TrafficCounters;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.Locale;
import java.util.OptionalLong;

/**
 * The numbers that let a user reconcile a test: the tab's exact datagram and byte counters, rates per second, and
 * the kernel's receive drops for the bound port beside them (sent by the peer = received + dropped, on loopback).
 * Updated from the pump tick; /proc is read at most once a second and never on the FX thread.
 */
public final class UdpStats {
    private static final long KERNEL_DROPS_INTERVAL_NANOS = 1_000_000_000L;

    private final TrafficCounters counters;
    private final TabStatus status;
    private final boolean linux;
    private final UiExecutor executor;
    private final TrafficRate rate = new TrafficRate();
    private final ReadOnlyStringWrapper datagramCounters = new ReadOnlyStringWrapper(this, "datagramCounters", "");
    private final ReadOnlyStringWrapper rates = new ReadOnlyStringWrapper(this, "rates", "");
    private final ReadOnlyStringWrapper kernelDrops = new ReadOnlyStringWrapper(this, "kernelDrops", "");
    private UdpEndpoint measured;
    private boolean dropsReadInFlight;
    private long lastDropsRead;

    UdpStats(TrafficCounters counters, TabStatus status, boolean linux, UiExecutor executor) {
        this.counters = counters;
        this.status = status;
        this.linux = linux;
        this.executor = executor;
        rates.set(TrafficRate.Rates.ZERO.text());
        countersChanged();
        measure(null);
    }

    /** The bound endpoint whose kernel drops are shown, or null when nothing is bound. */
    void measure(UdpEndpoint bound) {
        measured = bound;
        lastDropsRead = 0;
        kernelDrops.set(UdpText.TEXT.get(bound == null ? "drops.none" : "drops.reading"));
    }

    /** Once per pulse; returns true when the rates changed (about once a second). */
    boolean pulse(long nowNanos) {
        refreshKernelDrops(nowNanos);
        if (rate.sample(nowNanos, counters)) {
            rates.set(rate.current().text());
            return true;
        }
        return false;
    }

    /** After each table update: the counters on screen follow the rows (five times a second in a flood). */
    void countersChanged() {
        status.updateCounters(counters);
        datagramCounters.set(UdpText.TEXT.get("counters", UdpText.count(counters.messagesIn()),
                Formats.bytes(counters.bytesIn()), UdpText.count(counters.messagesOut()),
                Formats.bytes(counters.bytesOut())));
    }

    private void refreshKernelDrops(long now) {
        UdpEndpoint current = measured;
        if (current == null || dropsReadInFlight
                || (lastDropsRead != 0 && now - lastDropsRead < KERNEL_DROPS_INTERVAL_NANOS)) {
            return;
        }
        dropsReadInFlight = true;
        lastDropsRead = now;
        executor.run("ui-udp-kernel-drops", current::kernelDrops, drops -> {
            dropsReadInFlight = false;
            if (measured == current) {
                kernelDrops.set(kernelDropsText(drops));
            }
        }, failure -> dropsReadInFlight = false);
    }

    private String kernelDropsText(OptionalLong drops) {
        if (drops.isPresent()) {
            return UdpText.TEXT.get("drops.count", UdpText.count(drops.getAsLong()));
        }
        return UdpText.TEXT.get(linux ? "drops.not.reported" : "drops.linux.only");

    }

    /** "↓ 12 datagrams/s · 1.2 KiB/s   ↑ 0 datagrams/s · 0 B/s" as of the last sample. */
    String ratesText() {
        return rate.current().text();
    }

    /** "Received 12 datagrams (1.2 KiB) · sent 3 (40 B)". */
    public ReadOnlyStringProperty datagramCountersProperty() {
        return datagramCounters.getReadOnlyProperty();
    }

    /** Datagrams and bytes per second in each direction, refreshed once a second. */
    public ReadOnlyStringProperty ratesProperty() {
        return rates.getReadOnlyProperty();
    }

    /** "Kernel drops: 0" for the bound port, refreshed about once a second; "—" when nothing is bound. */
    public ReadOnlyStringProperty kernelDropsProperty() {
        return kernelDrops.getReadOnlyProperty();
    }
}
