package com.socketworkbench.ui.traffic;

import com.socketworkbench.ui.fx.EventPump;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.rate.RateHistory;
import com.socketworkbench.ui.tab.TabStatus;

import com.socketworkbench.engine.capture.PcapngRecorder;
import com.socketworkbench.engine.event.EventSink;
import com.socketworkbench.engine.event.Failure;
import com.socketworkbench.engine.event.NetEvent;

import javafx.beans.value.ObservableValue;

import java.util.function.Consumer;

/**
 * What a socket tab's view model feeds from the engine: the {@link TimelineModel}, the {@link EventPump} over it (the
 * engine component's {@code EventSink}), the {@link TabStatus} for the status bar, and where failures are announced
 * (the view hands in its {@link TabNotifier}). Failures reach the timeline and the notification only as the engine's
 * Failure events, never from a future's exception. FX thread only, except {@code pump().emit} and
 * {@code engineSink().emit}.
 *
 * <p>The engine's components get {@link #engineSink()}, which hands every event to the tab's recording (when one
 * runs) before the pump: the pump's timeline trims, a recording must see everything in engine order.
 */
public final class TabTraffic {
    private final TimelineModel timeline = new TimelineModel();
    private final EventPump pump = new EventPump(timeline);
    private final RecordingTee engineSink = new RecordingTee(pump);
    // The window's All-traffic hub sees each event first (it only counts sockets; it takes the pump's batches for its
    // rows), then the recording and the pump.
    private volatile EventSink allTraffic = event -> { };
    private final EventSink teedSink = event -> {
        allTraffic.emit(event);
        engineSink.emit(event);
    };
    private final RateHistory rates = new RateHistory(pump.counters());
    private final TabStatus status = new TabStatus();
    private Consumer<String> onFailure = message -> { };

    public TabTraffic() {
        pump.onPulse(batch -> rates.sample(System.nanoTime()));
    }

    /**
     * Calls {@code handler} on every pulse with the events drained in it, then announces the user message of the
     * batch's last failure, if any: one notification per pulse, however many failures a flood brings.
     */
    public void onPulse(EventPump.PulseListener handler, Subscriptions subscriptions) {
        subscriptions.add(pump.onPulse(batch -> {
            handler.pulse(batch);
            String lastFailure = null;
            for (NetEvent event : batch) {
                if (event instanceof Failure failure) {
                    lastFailure = failure.message();
                }
            }
            if (lastFailure != null) {
                onFailure.accept(lastFailure);
            }
        }));
    }

    /**
     * Has the pulse listeners run a few times a second while {@code open} is true, even when no event comes (see
     * {@link EventPump#setTicking}): for what a tab reads from the engine while a socket is open (pending bytes,
     * per-connection counters, kernel drops, rates falling to zero).
     */
    public void tickWhile(ObservableValue<Boolean> open, Subscriptions subscriptions) {
        subscriptions.subscribe(open, on -> pump.setTicking(Boolean.TRUE.equals(on)));
    }

    /** Runs {@code action} after each table update (see {@link EventPump#onRowsShown}). */
    public void onRowsShown(Runnable action, Subscriptions subscriptions) {
        subscriptions.add(pump.onRowsShown(action));
    }

    /** Copies the pump's counters into the status bar (after each table update). */
    public void updateCounters() {
        status.updateCounters(pump.counters());
    }

    /** Called with a failure's user message once per pulse that brought one (the view shows a notification). */
    public void setOnFailure(Consumer<String> onFailure) {
        this.onFailure = onFailure;
    }

    /** Starts draining the pump (the tab's activation). */
    public void start() {
        pump.start();
    }

    /** Stops the pump for good (the tab's disposal). */
    public void dispose() {
        pump.dispose();
    }

    public TimelineModel timeline() {
        return timeline;
    }

    public EventPump pump() {
        return pump;
    }

    /** The sink for the tab's engine components: the All-traffic hub (if teed), the recording (if any), the pump. */
    public EventSink engineSink() {
        return teedSink;
    }

    /** Tees every engine event, before the recording and the pump, into {@code tee} (the All-traffic hub). */
    public void teeTo(EventSink tee) {
        allTraffic = tee == null ? event -> { } : tee;
    }

    /** The last minute's rates, sampled from the pump's counters on every pulse (the rate chart shows them). */
    public RateHistory rates() {
        return rates;
    }

    /** Tees every event the engine emits from now on into {@code recorder}; null stops the tee. FX thread. */
    public void recordTo(PcapngRecorder recorder) {
        engineSink.recordTo(recorder);
    }

    public TabStatus status() {
        return status;
    }
}
