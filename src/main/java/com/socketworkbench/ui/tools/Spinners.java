package com.socketworkbench.ui.tools;

import com.socketworkbench.ui.common.Subscriptions;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.Tooltip;

/** The timeout spinner the resolve tool and the port check share. */
final class Spinners {
    private Spinners() {
    }

    /** Whole seconds 1–120, typed or stepped, bound both ways to {@code seconds}. */
    static Spinner<Integer> timeoutSeconds(String id, ObjectProperty<Integer> seconds, String tooltip,
                                           Subscriptions subscriptions) {
        Spinner<Integer> spinner = new Spinner<>();
        spinner.setId(id);
        SpinnerValueFactory.IntegerSpinnerValueFactory factory =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 120, seconds.get());
        spinner.setValueFactory(factory);
        spinner.setEditable(true);
        spinner.getEditor().setTextFormatter(new TextFormatter<>(
                change -> change.getControlNewText().matches("\\d{0,3}") ? change : null));
        spinner.setPrefWidth(76);
        spinner.setTooltip(new Tooltip(tooltip));
        subscriptions.bindBidirectional(factory.valueProperty(), seconds);
        return spinner;
    }
}
