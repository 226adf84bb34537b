package com.socketworkbench.ui.stream;

import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.traffic.Formats;

import com.socketworkbench.engine.tcp.SendPlan;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

import java.time.Duration;
import java.util.Locale;

/**
 * How a send is cut into socket writes, to provoke TCP's message-boundary effects on purpose: segments of N bytes
 * with D ms between them, the message repeated K times, the repeats back to back in one write. Off, every send is
 * one write ({@link SendPlan#WHOLE}). The fields are parsed into {@link #planProperty()} on every change; a wrong
 * field keeps the plan at null and explains itself in {@link #errorProperty()} (the tab then refuses to send).
 */
public final class SplitSendModel {
    static final String PREF_ENABLED = "enabled";
    static final String PREF_SEGMENT = "segmentBytes";
    static final String PREF_GAP = "gapMillis";
    static final String PREF_REPEAT = "repeat";
    static final String PREF_COALESCE = "coalesce";

    private final AppPreferences preferences;
    private final BooleanProperty enabled = new SimpleBooleanProperty(this, "enabled");
    private final StringProperty segmentBytes = new SimpleStringProperty(this, "segmentBytes", "");
    private final StringProperty gapMillis = new SimpleStringProperty(this, "gapMillis", "0");
    private final StringProperty repeat = new SimpleStringProperty(this, "repeat", "1");
    private final BooleanProperty coalesce = new SimpleBooleanProperty(this, "coalesce");
    private final ReadOnlyObjectWrapper<SendPlan> plan = new ReadOnlyObjectWrapper<>(this, "plan", SendPlan.WHOLE);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    public SplitSendModel(AppPreferences preferences, Subscriptions subscriptions) {
        this.preferences = preferences;
        enabled.set(preferences.getBoolean(PREF_ENABLED, false));
        segmentBytes.set(preferences.get(PREF_SEGMENT, ""));
        gapMillis.set(preferences.get(PREF_GAP, "0"));
        repeat.set(preferences.get(PREF_REPEAT, "1"));
        coalesce.set(preferences.getBoolean(PREF_COALESCE, false));
        for (ObservableValue<?> input : new ObservableValue<?>[]{enabled, segmentBytes, gapMillis, repeat, coalesce}) {
            subscriptions.listen(input, (obs, old, now) -> update());
        }
        update();
    }

    public void save() {
        preferences.putBoolean(PREF_ENABLED, enabled.get());
        preferences.put(PREF_SEGMENT, text(segmentBytes));
        preferences.put(PREF_GAP, text(gapMillis));
        preferences.put(PREF_REPEAT, text(repeat));
        preferences.putBoolean(PREF_COALESCE, coalesce.get());
    }

    private void update() {
        if (!enabled.get()) {
            plan.set(SendPlan.WHOLE);
            error.set("");
            return;
        }
        try {
            int segment = count(segmentBytes, StreamText.TEXT.get("split.what.segment"), 0, Integer.MAX_VALUE);
            int gap = count(gapMillis, StreamText.TEXT.get("split.what.gap"), 0, (int) SendPlan.MAX_GAP.toMillis());
            int times = count(repeat, StreamText.TEXT.get("split.what.repeat"), 1, SendPlan.MAX_REPEAT);
            plan.set(new SendPlan(segment, Duration.ofMillis(gap), times, coalesce.get()));
            error.set("");
        } catch (IllegalArgumentException e) {
            plan.set(null);
            error.set(e.getMessage());
        }
    }

    private static int count(StringProperty property, String what, int min, int max) {
        String value = text(property).strip();
        if (value.isEmpty()) {
            return min;
        }
        try {
            long parsed = Long.parseLong(value);
            if (parsed < min || parsed > max) {
                throw new IllegalArgumentException(StreamText.TEXT.get("split.error.range", what, min, max, value));
            }
            return (int) parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(StreamText.TEXT.get("split.error.number", what, value), e);
        }
    }

    private static String text(StringProperty property) {
        return property.get() == null ? "" : property.get();
    }

    /**
     * What the plan does to a message of {@code messageLength} bytes: "10 B → 2 writes of up to 5 B, 20 ms apart";
     * empty when splitting is off or a field is wrong.
     */
    public String describe(int messageLength) {
        SendPlan current = plan.get();
        if (!enabled.get() || current == null || messageLength <= 0) {
            return "";
        }
        long writes = current.writes(messageLength);
        long total = current.totalBytes(messageLength);
        StringBuilder text = new StringBuilder(Formats.bytes(total));
        if (current.repeat() > 1) {
            text.append(StreamText.TEXT.get("split.summary.repeat", current.repeat(), Formats.bytes(messageLength)));
        }
        text.append(StreamText.TEXT.get(writes == 1 ? "split.summary.writes.one" : "split.summary.writes.other",
                writes));
        if (current.segmentBytes() > 0 && writes > 1) {
            text.append(StreamText.TEXT.get("split.summary.up.to", Formats.bytes(current.segmentBytes())));
        }
        long gap = current.gapBetweenSegments().toMillis();
        if (writes > 1) {
            text.append(gap > 0 ? StreamText.TEXT.get("split.summary.apart", gap)
                    : StreamText.TEXT.get("split.summary.back.to.back"));
        }
        if (writes > SendPlan.MAX_WRITES) {
            text.append(StreamText.TEXT.get("split.summary.too.many", SendPlan.MAX_WRITES));
        }

        return text.toString();
    }

    /** The "Split…" switch: off = every send is one write. */
    public BooleanProperty enabledProperty() {
        return enabled;
    }

    /** Bytes per write; blank or 0 = the whole message (or block) in one write. */
    public StringProperty segmentBytesProperty() {
        return segmentBytes;
    }

    /** Milliseconds between writes. */
    public StringProperty gapMillisProperty() {
        return gapMillis;
    }

    /** How many times the message is sent. */
    public StringProperty repeatProperty() {
        return repeat;
    }

    /** The repeats joined into one block before it is cut into writes: "back to back in one write". */
    public BooleanProperty coalesceProperty() {
        return coalesce;
    }

    /** The plan to send with; null while a field is wrong. */
    public ReadOnlyObjectProperty<SendPlan> planProperty() {
        return plan.getReadOnlyProperty();
    }

    public SendPlan plan() {
        return plan.get();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
