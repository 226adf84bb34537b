package com.socketworkbench.ui.repeat;

import com.socketworkbench.ui.tab.PanelStatus;
import com.socketworkbench.engine.codec.PayloadFormatException;
import com.socketworkbench.engine.fields.FieldTemplate;
import com.socketworkbench.engine.repeat.PeriodicSender;
import com.socketworkbench.engine.repeat.RepeatOutcome;
import com.socketworkbench.engine.repeat.RepeatPlan;
import com.socketworkbench.engine.repeat.SendSink;
import com.socketworkbench.ui.fx.FrameTicker;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.fx.UiExecutor;
import com.socketworkbench.ui.traffic.SendEditorModel;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.time.Duration;

/**
 * The periodic send panel's state: interval (with its unit), count or "until stopped", jitter (± milliseconds), each
 * checked as typed with its message at the field; Start compiles the editor's input (fields included) and runs a
 * {@link PeriodicSender} to the target the tab has chosen at that moment. The live sent counter is read from the
 * sender once a frame while it runs, not per send. A run stops with the Stop button, when the tab's socket stops
 * being live (disconnected, listener stopped), when the tab stops and when it is disposed. FX thread only.
 */
public final class RepeatSendModel {
    /** The jitter's upper bound whatever the interval: half the longest interval. */
    private static final long MAX_JITTER_MILLIS = RepeatPlan.MAX_INTERVAL.toMillis() / 2;

    private final SendEditorModel editor;
    private final TabSendPath path;
    private final UiExecutor executor;
    private final StringProperty interval = new SimpleStringProperty(this, "interval", "1000");
    private final ObjectProperty<IntervalUnit> unit =
            new SimpleObjectProperty<>(this, "unit", IntervalUnit.MILLISECONDS);
    private final StringProperty count = new SimpleStringProperty(this, "count", "10");
    private final BooleanProperty untilStopped = new SimpleBooleanProperty(this, "untilStopped");
    private final StringProperty jitter = new SimpleStringProperty(this, "jitter", "0");
    private final ReadOnlyStringWrapper intervalError = new ReadOnlyStringWrapper(this, "intervalError", "");
    private final ReadOnlyStringWrapper countError = new ReadOnlyStringWrapper(this, "countError", "");
    private final ReadOnlyStringWrapper jitterError = new ReadOnlyStringWrapper(this, "jitterError", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final ReadOnlyLongWrapper sent = new ReadOnlyLongWrapper(this, "sent");
    private final ReadOnlyLongWrapper skipped = new ReadOnlyLongWrapper(this, "skipped");
    private final PanelStatus status = new PanelStatus();
    private final FrameTicker ticker;
    private PeriodicSender sender;

    public RepeatSendModel(SendEditorModel editor, TabSendPath path, UiExecutor executor,
                           Subscriptions subscriptions) {
        this.editor = editor;
        this.path = path;
        this.executor = executor;
        this.ticker = executor.frameTicker(this::readCounters);
        for (Observable field : new Observable[]{interval, unit, count, untilStopped, jitter}) {
            field.addListener(observable -> validate());
        }
        subscriptions.listen(path.live(), (obs, was, live) -> {
            if (!live) {
                stop();
            }
        });
        subscriptions.add(this::dispose);
        validate();
    }

    /** Checks every field; sets the messages; the plan when all are valid, else null. */
    private RepeatPlan validate() {
        IntervalUnit chosen = unit.get() == null ? IntervalUnit.MILLISECONDS : unit.get();
        WholeNumber amount = WholeNumber.parse(interval.get(), 1, chosen.perHour());
        intervalError.set(amount.problem());
        WholeNumber times = untilStopped.get() ? new WholeNumber(RepeatPlan.UNTIL_STOPPED, "")
                : WholeNumber.parse(count.get(), 1, RepeatPlan.MAX_COUNT);
        countError.set(times.problem());
        WholeNumber spread = WholeNumber.parse(jitter.get(), 0, MAX_JITTER_MILLIS);
        if (spread.ok() && amount.ok() && chosen.times(amount.value()).dividedBy(2)
                .compareTo(Duration.ofMillis(spread.value())) < 0) {
            jitterError.set(RepeatTexts.TEXT.get("jitter.half", chosen.times(amount.value()).toMillis() / 2));
        } else {
            jitterError.set(spread.problem());
        }
        if (!amount.ok() || !times.ok() || !jitterError.get().isEmpty()) {
            return null;
        }
        return new RepeatPlan(chosen.times(amount.value()), times.value(), Duration.ofMillis(spread.value()));
    }

    /** Start when idle, stop when running. */
    public void toggle() {
        if (running.get()) {
            stop();
        } else {
            start();
        }
    }

    /** Starts a run; false (and the reason in the status, or at a field) when it cannot start now. */
    public boolean start() {
        if (running.get()) {
            return false;
        }
        RepeatPlan plan = validate();
        if (plan == null) {
            return refuse(RepeatTexts.TEXT.get("status.fix.fields"));
        }
        if (!path.ready().get()) {
            return refuse(RepeatTexts.TEXT.get("status.not.ready", path.hint().get()));
        }
        FieldTemplate template;
        try {
            template = FieldTemplate.compile(editor.payloadSpec());
        } catch (PayloadFormatException e) {
            return refuse(RepeatTexts.TEXT.get("status.bad.input", e.getMessage()));
        }
        SendSink sink = path.messages().get();
        if (sink == null) {
            return refuse(RepeatTexts.TEXT.get("status.not.ready", path.hint().get()));
        }
        PeriodicSender started = PeriodicSender.start(template, plan, sink);
        sender = started;
        sent.set(0);
        skipped.set(0);
        running.set(true);
        status.info(RepeatTexts.TEXT.get("status.running"));
        ticker.start();
        executor.onFx(started.done(), (outcome, failure) -> finished(started, outcome));
        return true;
    }

    private boolean refuse(String why) {
        status.error(why);
        return false;
    }

    private void finished(PeriodicSender run, RepeatOutcome outcome) {
        if (run != sender) {
            return;
        }
        ticker.stop();
        readCounters();
        running.set(false);
        if (outcome == null) {
            return;
        }
        String text = switch (outcome.ending()) {
            case COMPLETED -> RepeatTexts.TEXT.get(counted("status.completed", outcome.sent()), outcome.sent());
            case STOPPED -> RepeatTexts.TEXT.get(counted("status.stopped", outcome.sent()), outcome.sent());
            case FAILED -> RepeatTexts.TEXT.get("status.failed", outcome.sent(), outcome.reason());
        };
        if (outcome.skipped() > 0) {
            text = text + " " + RepeatTexts.TEXT.get(counted("status.skipped", outcome.skipped()), outcome.skipped());
        }
        if (outcome.ending() == RepeatOutcome.Ending.FAILED) {
            status.error(text);
        } else {
            status.info(text);
        }
    }

    static String counted(String key, long n) {
        return key + (n == 1 ? ".one" : ".other");
    }

    private void readCounters() {
        PeriodicSender run = sender;
        if (run != null) {
            sent.set(run.sent());
            skipped.set(run.skipped());
        }
    }

    /** Stops the run, if one goes; its outcome arrives on the FX thread within milliseconds. */
    public void stop() {
        if (sender != null) {
            sender.stop();
        }
    }

    private void dispose() {
        stop();
        ticker.stop();
    }

    public StringProperty intervalProperty() {
        return interval;
    }

    public ObjectProperty<IntervalUnit> unitProperty() {
        return unit;
    }

    public StringProperty countProperty() {
        return count;
    }

    public BooleanProperty untilStoppedProperty() {
        return untilStopped;
    }

    public StringProperty jitterProperty() {
        return jitter;
    }

    public ReadOnlyStringProperty intervalErrorProperty() {
        return intervalError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty countErrorProperty() {
        return countError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty jitterErrorProperty() {
        return jitterError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get();
    }

    /** Sends made by the current (or last) run, read once a frame. */
    public ReadOnlyLongProperty sentProperty() {
        return sent.getReadOnlyProperty();
    }

    public ReadOnlyLongProperty skippedProperty() {
        return skipped.getReadOnlyProperty();
    }

    /** The panel's status line: what the last start or run came to. */
    public PanelStatus status() {
        return status;
    }
}
