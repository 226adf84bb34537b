package com.socketworkbench.ui.input;

import com.socketworkbench.ui.fx.Subscriptions;
import javafx.beans.value.ObservableObjectValue;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.Validator;

import java.util.List;

/**
 * Shows a view model's {@link InputVerdict} at the field it is about: the inline message
 * ({@code field-error}, {@code field-warning} or {@code field-hint}) floating next to it without moving any other
 * control ({@link FloatingMessage}), the same text as the field's accessible help, and, for an error, a ControlsFX
 * decoration on the field. It judges nothing itself.
 */
public final class FieldMessage {
    private static final List<String> STYLES = List.of("field-error", "field-warning", "field-hint");

    private FieldMessage() {
    }

    /**
     * Whether {@code node} is a field's message that floats beside its field: the row the view put it in takes no
     * room for it.
     */
    public static boolean isFloating(Node node) {
        return FloatingMessage.isFloating(node);
    }

    /**
     * Floats {@code message} (its text bound elsewhere) beside {@code field} while it has text, as {@link #show}
     * does, and gives the field the same text as its accessible help: for a field judged outside an
     * {@link InputVerdict} (the send editor).
     */
    public static void showText(Control field, Label message, Subscriptions subscriptions) {
        FloatingMessage floating = FloatingMessage.attach(field, message, subscriptions);
        subscriptions.subscribe(message.textProperty(), text -> {
            boolean shown = text != null && !text.isEmpty();
            field.setAccessibleHelp(shown ? text : null);
            floating.show(shown);
        });
    }

    /** Shows {@code verdict} in {@code message} and on {@code field}, now and on every change. */
    public static void show(Control field, Label message, ObservableObjectValue<InputVerdict> verdict,
                            Subscriptions subscriptions) {
        FloatingMessage floating = FloatingMessage.attach(field, message, subscriptions);
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
            // A screen reader reads the message with the field, where the eye finds it under the field.
            field.setAccessibleHelp(now.message().isEmpty() ? null : now.message());
            floating.show(!now.message().isEmpty());
            validation.revalidate(field);
        });
    }
}
