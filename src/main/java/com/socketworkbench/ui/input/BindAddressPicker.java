package com.socketworkbench.ui.input;

import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.fx.Tips;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;

/**
 * The picker of a {@link BindAddressInput} ({@code bindAddress}): the input's choices and chosen address, and its
 * warning ({@code bindWarning}) while a wildcard is chosen, because other machines can then reach the port. Place
 * {@link #comboBox()} in the settings bar and {@link #warningLabel()} in the message row below it: once shown, the
 * warning floats next to the picker ({@link FloatingMessage}) and the row takes no room for it.
 */
public final class BindAddressPicker {
    private final BindAddressInput input;
    private final ComboBox<BindChoice> combo = new ComboBox<>();
    private final Label warning = new Label();

    public BindAddressPicker(BindAddressInput input, Subscriptions subscriptions) {
        this.input = input;
        combo.setItems(input.choices());
        combo.setId("bindAddress");
        combo.setVisibleRowCount(12);
        Tips.install(combo, input.inbound().tooltip());
        subscriptions.bindBidirectional(combo.valueProperty(), input.choiceProperty());

        warning.setText(input.inbound().wildcardWarning());
        warning.setId("bindWarning");
        warning.getStyleClass().add("field-warning");
        FloatingMessage floating = FloatingMessage.attach(combo, warning, subscriptions);
        subscriptions.subscribe(input.verdictProperty(), verdict -> {
            boolean show = verdict.severity() == InputVerdict.Severity.WARNING;
            combo.setAccessibleHelp(show ? warning.getText() : null);
            floating.show(show);
        });
    }

    /** Chooses the address for {@code host} (see {@link BindAddressInput#select}). */
    public void select(String host) {
        input.select(host);
    }

    public ComboBox<BindChoice> comboBox() {
        return combo;
    }

    public Label warningLabel() {
        return warning;
    }
}
