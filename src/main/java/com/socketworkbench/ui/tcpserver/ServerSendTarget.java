package com.socketworkbench.ui.tcpserver;

import com.socketworkbench.engine.repeat.SendSink;
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
                state, choice, clients.selectedProperty(), clients.rows(), split.errorProperty(),
                clients.leftProperty()));
    }

    private boolean ready() {
        if (state.getValue() != ListenerState.RUNNING || clients.rows().isEmpty() || split.plan() == null) {
            return false;
        }
        return choice.get() == SendTarget.ALL || clients.selectedProperty().get() != null;
    }

    private String hint() {
        if (state.getValue() != ListenerState.RUNNING) {
            return ServerTexts.TEXT.get("hint.start.first");
        }
        if (clients.rows().isEmpty()) {
            // "yet" only while nobody has come: after clients left, saying so explains the empty list.
            int left = clients.leftProperty().get();
            return left == 0 ? ServerTexts.TEXT.get("hint.no.client.yet")
                    : ServerTexts.TEXT.get(countedKey("hint.no.client", left), left);
        }
        if (!split.errorProperty().get().isEmpty()) {
            return ServerTexts.TEXT.get("hint.split", split.errorProperty().get());
        }
        return choice.get() == SendTarget.SELECTED && clients.selectedProperty().get() == null
                ? ServerTexts.TEXT.get("hint.select.client") : "";
    }

    /**
     * {@code prefix} alone for none, {@code prefix.one} for one and {@code prefix.other} for more clients that
     * have left.
     */
    static String countedKey(String prefix, int left) {
        return left == 0 ? prefix : left == 1 ? prefix + ".left.one" : prefix + ".left.other";
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

    /**
     * A sink fixed to the clients chosen now (the selected one, or all), for a periodic send ({@code whole} false:
     * the split plan, as Send) or a file's chunks ({@code whole}: plain writes); null while no send can go.
     */
    SendSink sinkFor(TcpServer server, boolean whole) {
        ClientRow client = clients.selectedProperty().get();
        SendPlan plan = whole ? SendPlan.WHOLE : split.plan();
        if (server == null || plan == null) {
            return null;
        }
        if (choice.get() == SendTarget.ALL || client == null) {
            return bytes -> server.sendToAll(bytes, plan);
        }
        long id = client.id();
        return bytes -> server.send(id, bytes, plan);
    }

    ObjectProperty<SendTarget> choiceProperty() {
        return choice;
    }
}
