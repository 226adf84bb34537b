package com.socketworkbench.ui.input;

import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.fx.Tips;

import javafx.beans.property.ObjectProperty;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextFormatter;

/** Editable whole-number spinners bound both ways to a model property. */
public final class Spinners {
    /** How wide a seconds spinner is: three digits and the arrows. */
    private static final double SECONDS_WIDTH = 76;

    private Spinners() {
    }

    /**
     * A spinner of whole numbers {@code min}–{@code max}, stepped by {@code step}, typed as digits only (no more
     * than {@code max} has), showing and setting {@code value}.
     */
    public static Spinner<Integer> integer(String id, int min, int max, int step, ObjectProperty<Integer> value,
                                           double prefWidth, String tooltip, Subscriptions subscriptions) {
        Spinner<Integer> spinner = new Spinner<>();
        spinner.setId(id);
        SpinnerValueFactory.IntegerSpinnerValueFactory factory = new SpinnerValueFactory.IntegerSpinnerValueFactory(
                min, max, value.get() == null ? min : value.get(), step);
        spinner.setValueFactory(factory);
        spinner.setEditable(true);
        String digits = "\\d{0," + Integer.toString(max).length() + "}";
        spinner.getEditor().setTextFormatter(new TextFormatter<>(
                change -> change.getControlNewText().matches(digits) ? change : null));
        spinner.setPrefWidth(prefWidth);
        Tips.install(spinner, tooltip);
        subscriptions.bindBidirectional(factory.valueProperty(), value);
        return spinner;
    }

    /** A timeout in whole seconds, 1–{@code max}. */
    public static Spinner<Integer> timeoutSeconds(String id, int max, ObjectProperty<Integer> seconds, String tooltip,
                                                  Subscriptions subscriptions) {
        return integer(id, 1, max, 1, seconds, SECONDS_WIDTH, tooltip, subscriptions);
    }
}
