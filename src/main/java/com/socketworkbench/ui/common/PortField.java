package com.socketworkbench.ui.common;

import com.socketworkbench.engine.net.Endpoints;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.Validator;

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
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
    private final ReadOnlyIntegerWrapper port = new ReadOnlyIntegerWrapper(this, "port", -1);
    private final ValidationSupport validation = new ValidationSupport();
    private String error = "";

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
        subscriptions.subscribe(field.textProperty(), text -> validate());
        validation.registerValidator(field, false, (Validator<String>) (control, value) ->
                ValidationResult.fromErrorIf(control, error, !error.isEmpty()));
        subscriptions.subscribe(valid, ok -> validation.revalidate(field));
    }

    private void validate() {
        String text = field.getText() == null ? "" : field.getText();
        try {
            int value = Endpoints.validatePort(text, allowZero);
            error = "";
            port.set(value);
            valid.set(true);
            showMessage(privilegedHint && value > 0 && value < 1024 ? PRIVILEGED_HINT : "", "field-hint");
        } catch (IllegalArgumentException e) {
            error = e.getMessage();
            port.set(-1);
            valid.set(false);
            showMessage(error, "field-error");
        }
    }

    private void showMessage(String text, String styleClass) {
        message.setText(text);
        message.getStyleClass().removeAll("field-error", "field-hint");
        message.getStyleClass().add(styleClass);
        message.setVisible(!text.isEmpty());
        message.setManaged(!text.isEmpty());
    }

    public TextField field() {
        return field;
    }

    /** The inline message: an error, the privileged-port hint, or hidden. */
    public Label messageLabel() {
        return message;
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public boolean isValid() {
        return valid.get();
    }

    /** The parsed port, or -1 while the text is invalid. */
    public ReadOnlyIntegerProperty portProperty() {
        return port.getReadOnlyProperty();
    }

    public int port() {
        return port.get();
    }
}
