package com.socketworkbench.ui.input;

import com.socketworkbench.ui.fx.Subscriptions;
import javafx.beans.value.ObservableObjectValue;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.Validator;

import java.util.List;

/**
 * Shows a view model's {@link InputVerdict} at the field it is about: the inline message under it
 * ({@code field-error}, {@code field-warning} or {@code field-hint}; it takes no room while there is none) and, for an
 * error, a ControlsFX decoration on the field. It judges nothing itself.
 */
public final class FieldMessage {
    private static final List<String> STYLES = List.of("field-error", "field-warning", "field-hint");

    private FieldMessage() {
    }

    /** Shows {@code verdict} in {@code message} and on {@code field}, now and on every change. */
    public static void show(Control field, Label message, ObservableObjectValue<InputVerdict> verdict,
                            Subscriptions subscriptions) {
        ValidationSupport validation = new ValidationSupport();
        validation.registerValidator(field, false, (Validator<Object>) (control, value) -> {
            InputVerdict now = verdict.get();
            return ValidationResult.fromErrorIf(control, now.message(), now.isError());
        });
        subscriptions.subscribe(verdict, now -> {
            message.setText(now.message());
            message.getStyleClass().removeAll(STYLES);
            message.getStyleClass().add(switch (now.severity()) {
                case ERROR -> "field-error";
                case WARNING -> "field-warning";
                case HINT, NONE -> "field-hint";
            });
            boolean shown = !now.message().isEmpty();
            message.setVisible(shown);
            message.setManaged(shown);
            validation.revalidate(field);
        });
    }
}
