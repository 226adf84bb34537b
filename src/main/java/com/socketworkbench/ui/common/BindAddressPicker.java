package com.socketworkbench.ui.common;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

import java.util.List;

/**
 * Where a listener binds ({@code bindAddress}): loopback, each interface address, or a wildcard. Choosing a wildcard
 * shows a warning ({@code bindWarning}) because other machines can then connect. Place {@link #comboBox()} in the
 * settings bar and {@link #warningLabel()} in the message row below it.
 */
public final class BindAddressPicker {
    public static final String WILDCARD_WARNING = "Other machines on your network can connect to this port";

    private final ComboBox<BindChoice> combo = new ComboBox<>();
    private final Label warning = new Label(WILDCARD_WARNING);

    public BindAddressPicker(Subscriptions subscriptions) {
        this(BindChoices.available(), subscriptions);
    }

    public BindAddressPicker(List<BindChoice> choices, Subscriptions subscriptions) {
        ObservableList<BindChoice> items = FXCollections.observableArrayList(choices);
        combo.setItems(items);
        combo.setId("bindAddress");
        combo.setValue(BindChoices.LOOPBACK_V4);
        combo.setVisibleRowCount(12);
        combo.setTooltip(new Tooltip("""
                Which local address accepts connections.
                127.0.0.1 / ::1: only programs on this computer.
                An interface address: machines that can reach that network.
                0.0.0.0 / ::: every interface."""));

        warning.setId("bindWarning");
        warning.getStyleClass().add("field-warning");
        subscriptions.subscribe(combo.valueProperty(), choice -> {
            boolean show = choice != null && choice.wildcard();
            warning.setVisible(show);
            warning.setManaged(show);
        });
    }

    /** Selects the choice for {@code host}, adding it when the machine no longer lists it. */
    public void select(String host) {
        BindChoice choice = BindChoices.forHost(combo.getItems(), host);
        if (!combo.getItems().contains(choice)) {
            combo.getItems().add(choice);
        }
        combo.setValue(choice);
    }

    /** The host to bind, e.g. "127.0.0.1". */
    public String host() {
        BindChoice choice = combo.getValue();
        return choice == null ? BindChoices.LOOPBACK_V4.host() : choice.host();
    }

    public ComboBox<BindChoice> comboBox() {
        return combo;
    }

    public Label warningLabel() {
        return warning;
    }
}
