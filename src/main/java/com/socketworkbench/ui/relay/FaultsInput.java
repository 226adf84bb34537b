package com.socketworkbench.ui.relay;

import com.socketworkbench.engine.relay.Faults;
import com.socketworkbench.engine.relay.RelayDirection;
import com.socketworkbench.ui.input.TextInput;
import com.socketworkbench.ui.tab.AppPreferences;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;

import java.time.Duration;
import java.util.List;

/**
 * The faults of one direction as typed: added latency and jitter (ms), a bandwidth limit (KiB/s, or with a unit down
 * to bytes per second: {@link BandwidthInput}), re-chunking
 * (segment size in bytes) and dropping the connection after N bytes. Empty or 0 turns each off.
 * {@link #faultsProperty()} is the engine's {@link Faults} while every field is valid, else null (nothing is applied
 * while a field shows an error).
 */
final class FaultsInput {
    static final long MAX_MILLIS = 60_000;
    static final long MAX_SEGMENT = 1_048_576;
    static final long MAX_DROP_AFTER = Long.MAX_VALUE / 2;

    private final RelayDirection direction;
    private final WholeNumberInput latency;
    private final WholeNumberInput jitter;
    private final BandwidthInput bandwidth;
    private final WholeNumberInput segment;
    private final WholeNumberInput dropAfter;
    private final BooleanBinding valid;
    private final ObjectBinding<Faults> faults;

    FaultsInput(RelayDirection direction, AppPreferences preferences) {
        this.direction = direction;
        String key = key(direction);
        latency = new WholeNumberInput(preferences.get("latency" + key, ""),
                RelayTexts.TEXT.get("faults.latency"), MAX_MILLIS);
        jitter = new WholeNumberInput(preferences.get("jitter" + key, ""),
                RelayTexts.TEXT.get("faults.jitter"), MAX_MILLIS);
        bandwidth = new BandwidthInput(preferences.get("bandwidth" + key, ""));
        segment = new WholeNumberInput(preferences.get("segment" + key, ""),
                RelayTexts.TEXT.get("faults.segment"), MAX_SEGMENT);
        dropAfter = new WholeNumberInput(preferences.get("dropAfter" + key, ""),
                RelayTexts.TEXT.get("faults.dropAfter"), MAX_DROP_AFTER);
        valid = Bindings.createBooleanBinding(() -> inputs().stream().allMatch(TextInput::isValid),
                latency.validProperty(), jitter.validProperty(), bandwidth.validProperty(), segment.validProperty(),
                dropAfter.validProperty());
        faults = Bindings.createObjectBinding(() -> valid.get() ? build() : null, valid, latency.textProperty(),
                jitter.textProperty(), bandwidth.textProperty(), segment.textProperty(), dropAfter.textProperty());
    }

    /** "C2S" or "S2C": the suffix of the direction's automation ids and preference keys. */
    static String key(RelayDirection direction) {
        return direction == RelayDirection.CLIENT_TO_SERVER ? "C2S" : "S2C";
    }

    private Faults build() {
        return new Faults(Duration.ofMillis(latency.value()), Duration.ofMillis(jitter.value()),
                bandwidth.bytesPerSecond(), (int) segment.value(), dropAfter.value());
    }

    void save(AppPreferences preferences) {
        String key = key(direction);
        preferences.put("latency" + key, latency.text());
        preferences.put("jitter" + key, jitter.text());
        preferences.put("bandwidth" + key, bandwidth.text());
        preferences.put("segment" + key, segment.text());
        preferences.put("dropAfter" + key, dropAfter.text());
    }

    /** The fields in the order the faults pane shows them. */
    List<TextInput> inputs() {
        return List.of(latency, jitter, bandwidth, segment, dropAfter);
    }

    /** The faults to apply, or null while a field is invalid. */
    ObjectBinding<Faults> faultsProperty() {
        return faults;
    }

    RelayDirection direction() {
        return direction;
    }

    WholeNumberInput latency() {
        return latency;
    }

    WholeNumberInput jitter() {
        return jitter;
    }

    BandwidthInput bandwidth() {
        return bandwidth;
    }

    WholeNumberInput segment() {
        return segment;
    }

    WholeNumberInput dropAfter() {
        return dropAfter;
    }
}
