package com.socketworkbench.ui.input;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableObjectValue;

import java.util.function.Function;

/**
 * The text of one settings field and the live verdict on it, owned by a view model: the field binds its text to
 * {@link #textProperty()} and shows {@link #verdictProperty()}; the model decides from {@link #validProperty()}
 * whether its action may run. Plain JavaFX properties, no controls: a model test checks the verdicts without a
 * toolkit.
 */
public class TextInput {
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ObjectBinding<InputVerdict> verdict;
    private final BooleanBinding valid;

    /** @param check judges the text as typed (never null); its error makes the input invalid */
    public TextInput(String initial, Function<String, InputVerdict> check) {
        text.set(initial == null ? "" : initial);
        verdict = Bindings.createObjectBinding(() -> check.apply(text.get() == null ? "" : text.get()), text);
        valid = Bindings.createBooleanBinding(() -> !verdict.get().isError(), verdict);
    }

    /** The text as typed (bound both ways to the field). */
    public StringProperty textProperty() {
        return text;
    }

    /** The text without surrounding blanks, never null. */
    public String text() {
        return text.get() == null ? "" : text.get().strip();
    }

    /** The verdict on the current text. */
    public ObservableObjectValue<InputVerdict> verdictProperty() {
        return verdict;
    }

    public InputVerdict verdict() {
        return verdict.get();
    }

    /** True while the verdict is no error. */
    public ObservableBooleanValue validProperty() {
        return valid;
    }

    public boolean isValid() {
        return valid.get();
    }
}
