package com.socketworkbench.ui.tcpserver;

import com.socketworkbench.engine.tcp.SendPlan;
import com.socketworkbench.engine.tcp.TcpServer;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.stream.SplitSendModel;
import com.socketworkbench.ui.tab.ListenerState;
import com.socketworkbench.ui.traffic.SendEditorModel;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;

/**
 * Where the server's Send goes: the client selected in the {@link ClientTable} or every client, with the split
 * plan. It tells the send editor whether a send can go now and, when not, why.
 */
final class ServerSendTarget {
    private final ObjectProperty<SendTarget> choice =
            new SimpleObjectProperty<>(this, "sendTarget", SendTarget.SELECTED);
    private final ObservableValue<ListenerState> state;
    private final ClientTable clients;
    private final SplitSendModel split;

    ServerSendTarget(ObservableValue<ListenerState> state, ClientTable clients, SplitSendModel split) {
        this.state = state;
        this.clients = clients;
        this.split = split;
    }

    /** Keeps {@code editor}'s readiness and hint up to date. */
    void bind(SendEditorModel editor, Subscriptions subscriptions) {
        subscriptions.bind(editor.targetReadyProperty(), Bindings.createBooleanBinding(this::ready,
                state, choice, clients.selectedProperty(), clients.rows(), split.planProperty()));
        subscriptions.bind(editor.targetHintProperty(), Bindings.createStringBinding(this::hint,
                state, choice, clients.selectedProperty(), clients.rows(), split.errorProperty()));
    }

    private boolean ready() {
        if (state.getValue() != ListenerState.RUNNING || clients.rows().isEmpty() || split.plan() == null) {
            return false;
        }
        return choice.get() == SendTarget.ALL || clients.selectedProperty().get() != null;
    }

    private String hint() {
        if (state.getValue() != ListenerState.RUNNING) {
            return "Start the server first";
        }
        if (clients.rows().isEmpty()) {
            return "No client connected yet";
        }
        if (!split.errorProperty().get().isEmpty()) {
            return "Split: " + split.errorProperty().get();
        }
        return choice.get() == SendTarget.SELECTED && clients.selectedProperty().get() == null
                ? "Select a client in the list, or send to all clients" : "";
    }

    /** Sends {@code bytes} through {@code server} to the chosen clients (all of them while none is selected). */
    void send(TcpServer server, byte[] bytes) {
        ClientRow client = clients.selectedProperty().get();
        SendPlan plan = split.plan();
        if (plan == null) {
            return;
        }
        // What went out, and any failure, reaches the timeline as engine events.
        if (choice.get() == SendTarget.ALL || client == null) {
            server.sendToAll(bytes, plan);
        } else {
            server.send(client.id(), bytes, plan);
        }
    }

    ObjectProperty<SendTarget> choiceProperty() {
        return choice;
    }
}
