package com.socketworkbench.ui.tab;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * A side panel's one status line (messages, periodic send, send file): the last outcome the user should see, and
 * whether it is a refusal or a failure. {@link SidePanels#statusLabel} shows it.
 */
public final class PanelStatus {
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ReadOnlyBooleanWrapper error = new ReadOnlyBooleanWrapper(this, "error");

    public void info(String message) {
        text.set(message);
        error.set(false);
    }

    public void error(String message) {
        text.set(message);
        error.set(true);
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    public String text() {
        return text.get();
    }

    public ReadOnlyBooleanProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public boolean isError() {
        return error.get();
    }
}
