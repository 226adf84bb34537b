package com.socketworkbench.ui.input;

import com.socketworkbench.ui.fx.Subscriptions;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.Validator;

import java.util.function.Function;

/**
 * The live check of a settings field ({@link HostField}, {@link PortField}, {@link UnixPathField}): every edit is
 * judged at once; an error shows in the inline message ({@code field-error}) and as a ControlsFX decoration and
 * makes the field invalid, a hint ({@code field-hint}) leaves it valid, and the message takes no room while empty.
 */
public final class FieldCheck {
    /** What a check says about the text: an error, else a hint (either may be empty). */
    public record Verdict(String error, String hint) {
        public static final Verdict FINE = new Verdict("", "");

        public static Verdict error(String error) {
            return new Verdict(error, "");
        }

        public static Verdict hint(String hint) {
            return new Verdict("", hint);
        }
    }

    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(this, "valid");
    private final ValidationSupport validation = new ValidationSupport();
    private String error = "";

    /** Checks {@code field}'s text now and on every change; {@code check} never sees null. */
    public FieldCheck(TextField field, Label message, Function<String, Verdict> check, Subscriptions subscriptions) {
        subscriptions.subscribe(field.textProperty(), text -> {
            Verdict verdict = check.apply(text == null ? "" : text);
            error = verdict.error();
            valid.set(error.isEmpty());
            show(message, error.isEmpty() ? verdict.hint() : error, error.isEmpty() ? "field-hint" : "field-error");
        });
        validation.registerValidator(field, false, (Validator<String>) (control, value) ->
                ValidationResult.fromErrorIf(control, error, !error.isEmpty()));
        subscriptions.subscribe(valid, ok -> validation.revalidate(field));
    }

    private static void show(Label message, String text, String styleClass) {
        message.setText(text);
        message.getStyleClass().removeAll("field-error", "field-hint");
        message.getStyleClass().add(styleClass);
        message.setVisible(!text.isEmpty());
        message.setManaged(!text.isEmpty());
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }
}
