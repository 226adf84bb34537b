package com.socketworkbench.ui.tab;

import com.socketworkbench.ui.traffic.Formats;
import com.socketworkbench.ui.fx.TrafficCounters;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringExpression;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The observable summary of a tab for the status bar: a state sentence ("Listening on 127.0.0.1:5000 · 3 clients"),
 * the addresses involved ("127.0.0.1:5000") and exact traffic counters. The owning tab writes it on the FX thread;
 * counters are copied from the pump's {@link TrafficCounters} once per pulse, never per event, or set directly by a
 * tab whose messages are not the pump's events (HTTP counts requests and responses). A tab without traffic (Tools)
 * hides them.
 */
public final class TabStatus {
    private final StringProperty state = new SimpleStringProperty(this, "state", "");
    private final StringProperty addresses = new SimpleStringProperty(this, "addresses", "");
    private final LongProperty bytesIn = new SimpleLongProperty(this, "bytesIn");
    private final LongProperty bytesOut = new SimpleLongProperty(this, "bytesOut");
    private final LongProperty messagesIn = new SimpleLongProperty(this, "messagesIn");
    private final LongProperty messagesOut = new SimpleLongProperty(this, "messagesOut");
    private final BooleanProperty countersShown = new SimpleBooleanProperty(this, "countersShown", true);
    private final StringExpression countersText = Bindings.createStringBinding(
            () -> countersShown.get()
                    ? Formats.counters(messagesIn.get(), bytesIn.get(), messagesOut.get(), bytesOut.get()) : "",
            bytesIn, bytesOut, messagesIn, messagesOut, countersShown);

    public ReadOnlyStringProperty stateProperty() {
        return state;
    }

    public String state() {
        return state.get();
    }

    public void setState(String text) {
        state.set(text);
    }

    public ReadOnlyStringProperty addressesProperty() {
        return addresses;
    }

    public String addresses() {
        return addresses.get();
    }

    public void setAddresses(String text) {
        addresses.set(text);
    }

    public ReadOnlyLongProperty bytesInProperty() {
        return bytesIn;
    }

    public ReadOnlyLongProperty bytesOutProperty() {
        return bytesOut;
    }

    public ReadOnlyLongProperty messagesInProperty() {
        return messagesIn;
    }

    public ReadOnlyLongProperty messagesOutProperty() {
        return messagesOut;
    }

    /** "↓ 12 msg 1.2 KiB ↑ 3 msg 40 B"; empty while the counters are hidden. */
    public StringExpression countersText() {
        return countersText;
    }

    /** Copies the pump's counters (FX thread, once per pulse). */
    public void updateCounters(TrafficCounters counters) {
        setCounters(counters.bytesIn(), counters.bytesOut(), counters.messagesIn(), counters.messagesOut());
    }

    /** Sets the counters to totals the tab keeps itself, with its own idea of a message (FX thread). */
    public void setCounters(long bytesIn, long bytesOut, long messagesIn, long messagesOut) {
        this.bytesIn.set(bytesIn);
        this.bytesOut.set(bytesOut);
        this.messagesIn.set(messagesIn);
        this.messagesOut.set(messagesOut);
    }

    /** False for a tab that moves no traffic of its own: the status bar then shows no counters at all. */
    public ReadOnlyBooleanProperty countersShownProperty() {
        return countersShown;
    }

    public void setCountersShown(boolean shown) {
        countersShown.set(shown);
    }
}
