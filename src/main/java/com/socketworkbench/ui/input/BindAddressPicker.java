package com.socketworkbench.ui.input;

import com.socketworkbench.ui.fx.Subscriptions;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

import java.util.List;

/**
 * Where a listening socket binds ({@code bindAddress}): loopback, each interface address, or a wildcard. Choosing a
 * wildcard shows a warning ({@code bindWarning}) because other machines can then reach the port. Place
 * {@link #comboBox()} in the settings bar and {@link #warningLabel()} in the message row below it.
 */
public final class BindAddressPicker {
    /** What the bound socket takes from other machines, in the words of the warning and the tooltip. */
    public enum Inbound {
        CONNECTIONS("accepts connections", "connect to"),
        DATAGRAMS("receives datagrams", "send datagrams to");

        private final String socketDoes;
        private final String othersCan;

        Inbound(String socketDoes, String othersCan) {
            this.socketDoes = socketDoes;
            this.othersCan = othersCan;
        }

        /** "Other machines on your network can connect to this port". */
        public String wildcardWarning() {
            return "Other machines on your network can " + othersCan + " this port";
        }

        String tooltip() {
            return "Which local address " + socketDoes + ".\n" + """
                    127.0.0.1 / ::1: only programs on this computer.
                    An interface address: machines that can reach that network.
                    0.0.0.0 / ::: every interface.""";
        }
    }

    private final ComboBox<BindChoice> combo = new ComboBox<>();
    private final Label warning = new Label();

    public BindAddressPicker(Inbound inbound, Subscriptions subscriptions) {
        this(inbound, BindChoices.available(), subscriptions);
    }

    public BindAddressPicker(Inbound inbound, List<BindChoice> choices, Subscriptions subscriptions) {
        ObservableList<BindChoice> items = FXCollections.observableArrayList(choices);
        combo.setItems(items);
        combo.setId("bindAddress");
        combo.setValue(BindChoices.LOOPBACK_V4);
        combo.setVisibleRowCount(12);
        combo.setTooltip(new Tooltip(inbound.tooltip()));

        warning.setText(inbound.wildcardWarning());
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
