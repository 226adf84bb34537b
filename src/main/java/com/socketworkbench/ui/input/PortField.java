package com.socketworkbench.ui.input;

import com.socketworkbench.ui.fx.Subscriptions;

import com.socketworkbench.engine.net.Endpoints;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;

/**
 * A port number field (id {@code port}, or another the tab gives) with live validation through
 * {@link Endpoints#validatePort}: an invalid entry shows a message (the field's id + {@code Message}:
 * {@code portMessage}) and a ControlsFX error decoration and makes {@link #validProperty()} false (tabs disable
 * Start/Connect with it). For listeners, ports 1–1023 get a non-blocking hint about privileges.
 */
public final class PortField {
    public static final String PRIVILEGED_HINT = "ports below 1024 are privileged: binding may need root";

    private final boolean allowZero;
    private final boolean privilegedHint;
    private final TextField field = new TextField();
    private final Label message = new Label();
    private final ReadOnlyIntegerWrapper port = new ReadOnlyIntegerWrapper(this, "port", -1);
    private final FieldCheck check;

    /**
     * @param id             the field's id ({@code port}, {@code targetPort}); its message label's is
     *                       {@code id + "Message"}
     * @param allowZero      true for listeners, where 0 asks the OS for any free port
     * @param privilegedHint true for listeners, where ports below 1024 may need root
     */
    public PortField(String id, boolean allowZero, boolean privilegedHint, String initial,
                     Subscriptions subscriptions) {
        this.allowZero = allowZero;
        this.privilegedHint = privilegedHint;
        field.setId(id);
        field.setPrefColumnCount(6);
        field.getStyleClass().add("port-field");
        field.setTooltip(new Tooltip(allowZero
                ? "TCP/UDP port 0–65535. 0 asks the OS for any free port (the actual port is shown once started)."
                : "The port the server listens on, 1–65535"));
        message.setId(id + "Message");
        message.setWrapText(false);
        field.setText(initial);
        check = new FieldCheck(field, message, this::check, subscriptions);
    }

    /** Parses the port as a side effect: -1 while the text is no valid port. */
    private FieldCheck.Verdict check(String text) {
        try {
            int value = Endpoints.validatePort(text, allowZero);
            port.set(value);
            return FieldCheck.Verdict.hint(privilegedHint && value > 0 && value < 1024 ? PRIVILEGED_HINT : "");
        } catch (IllegalArgumentException e) {
            port.set(-1);
            return FieldCheck.Verdict.error(e.getMessage());
        }
    }

    public TextField field() {
        return field;
    }

    /** The inline message: an error, the privileged-port hint, or hidden. */
    public Label messageLabel() {
        return message;
    }

    public ReadOnlyBooleanProperty validProperty() {
        return check.validProperty();
    }

    public boolean isValid() {
        return check.validProperty().get();
    }

    /** The parsed port, or -1 while the text is invalid. */
    public ReadOnlyIntegerProperty portProperty() {
        return port.getReadOnlyProperty();
    }

    public int port() {
        return port.get();
    }
}
