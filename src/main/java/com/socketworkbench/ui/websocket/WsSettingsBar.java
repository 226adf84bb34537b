package com.socketworkbench.ui.websocket;

import static com.socketworkbench.ui.websocket.WebSocketTab.TEXT;

import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.fx.Tips;
import com.socketworkbench.ui.input.ByteSizeInput;
import com.socketworkbench.ui.input.FieldMessage;
import com.socketworkbench.ui.tab.TabLayout;
import com.socketworkbench.ui.tls.TlsFileChooser;
import com.socketworkbench.ui.tls.TlsFileField;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.function.Supplier;

/**
 * Builds the WebSocket tab's settings bar on top: the URL ({@code #wsUrl}), Connect/Disconnect ({@code #wsConnect}),
 * the state ({@code #wsState}), the insecure switch ({@code #wsInsecure}), the extra CA file ({@code #wsCaFile},
 * {@code #wsCaFileChoose}, {@code #wsCaFileMessage}), subprotocols ({@code #wsProtocols}),
 * extra headers ({@code #wsHeaders}), auto-pong ({@code #wsAutoPong}), the frame and message limits
 * ({@code #wsMaxFrame}, {@code #wsMaxMessage}) and their messages ({@code #wsUrlError}, {@code #wsHeadersError},
 * {@code #wsMaxFrameMessage}, {@code #wsMaxMessageMessage}) and the warning that a typed Host or
 * Sec-WebSocket-Version replaces the handshake's own ({@code #wsHeadersNote}), all bound to the model.
 */
final class WsSettingsBar {
    private WsSettingsBar() {
    }

    static Node build(WebSocketModel model, Supplier<TlsFileChooser> chooser, Subscriptions subscriptions) {
        TextField url = new TextField();
        url.setId("wsUrl");
        url.getStyleClass().add("mono");
        url.setPrefColumnCount(34);
        url.setPromptText(TEXT.get("url.prompt"));
        Tips.install(url, TEXT.get("url.tooltip"));
        subscriptions.bindBidirectional(url.textProperty(), model.urlProperty());
        url.setOnAction(event -> {
            if (model.phase() == WebSocketModel.Phase.IDLE) {
                model.connect();
            }
        });

        Button connect = new Button(TEXT.get("connect"));
        connect.setId("wsConnect");
        connect.getStyleClass().addAll("accent", "start-stop");
        connect.setMinWidth(Region.USE_PREF_SIZE);
        connect.setOnAction(event -> model.toggleConnection());
        subscriptions.subscribe(model.phaseProperty(), phase -> {
            connect.setText(TEXT.get(switch (phase) {
                case IDLE -> "connect";
                case CONNECTING -> "cancel";
                case OPEN -> "disconnect";
                case CLOSING -> "abort";
            }));
            connect.getStyleClass().removeAll("accent", "danger");
            connect.getStyleClass().add(phase == WebSocketModel.Phase.IDLE ? "accent" : "danger");
            Tips.install(connect, TEXT.get("connect.tooltip." + phase.name().toLowerCase(
                    java.util.Locale.ROOT)));
        });
        Label state = TabLayout.stateBadge("wsState", "ws-state", model.status().stateProperty(),
                Bindings.equal(model.phaseProperty(), WebSocketModel.Phase.OPEN), subscriptions);

        CheckBox insecure = new CheckBox(TEXT.get("insecure"));
        insecure.setId("wsInsecure");
        insecure.getStyleClass().add("insecure-toggle");
        Tips.install(insecure, TEXT.get("insecure.tooltip"));
        subscriptions.bindBidirectional(insecure.selectedProperty(), model.insecureProperty());
        subscriptions.subscribe(insecure.selectedProperty(), on -> {
            insecure.getStyleClass().remove("insecure-on");
            insecure.setText(TEXT.get(on ? "insecure.on" : "insecure"));
            if (on) {
                insecure.getStyleClass().add("insecure-on");
            }
        });

        TextField protocols = new TextField();
        protocols.setId("wsProtocols");
        protocols.setPrefColumnCount(12);
        protocols.setPromptText(TEXT.get("protocols.prompt"));
        Tips.install(protocols, TEXT.get("protocols.tooltip"));
        subscriptions.bindBidirectional(protocols.textProperty(), model.protocolsProperty());

        TextArea headers = new TextArea();
        headers.setId("wsHeaders");
        headers.getStyleClass().add("mono");
        headers.setPrefRowCount(1);
        headers.setPrefColumnCount(30);
        headers.setPromptText(TEXT.get("headers.prompt"));
        Tips.install(headers, TEXT.get("headers.tooltip"));
        subscriptions.bindBidirectional(headers.textProperty(), model.headersProperty());

        CheckBox autoPong = new CheckBox(TEXT.get("autoPong"));
        autoPong.setId("wsAutoPong");
        Tips.install(autoPong, TEXT.get("autoPong.tooltip"));
        subscriptions.bindBidirectional(autoPong.selectedProperty(), model.autoPongProperty());

        Label maxFrameMessage = new Label();
        TextField maxFrame = limitField("wsMaxFrame", model.maxFrameInput(), maxFrameMessage,
                TEXT.get("maxFrame.tooltip"), subscriptions);
        Label maxMessageMessage = new Label();
        TextField maxMessage = limitField("wsMaxMessage", model.maxMessageInput(), maxMessageMessage,
                TEXT.get("maxMessage.tooltip"), subscriptions);

        // wss also trusts this file's CAs; insecure trusts anything, so the file means nothing while it is on.
        TlsFileField caFile = TlsFileField.caFile("wsCaFile", model.caFileInput(), chooser, subscriptions);
        HBox caFileBox = caFile.captionedAsCaFile();
        caFileBox.setMinWidth(Region.USE_PREF_SIZE);
        subscriptions.bind(caFileBox.disableProperty(), insecure.selectedProperty());

        HBox first = new HBox(8, WebSocketView.caption(TEXT.get("url.label")), url, connect, state, insecure,
                caFileBox);
        first.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(url, Priority.ALWAYS);
        // Beside the headers, only the headers shrink: Auto-pong and the limits keep their width (squeezed, Auto-pong
        // read "Auto-po..." at 1024 wide), and the bar stays two rows so the handshake keeps its lines at 1024x640.
        for (Region fixed : new Region[]{autoPong, maxFrame, maxMessage}) {
            fixed.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox second = new HBox(8, WebSocketView.caption(TEXT.get("protocols.label")), protocols,
                WebSocketView.caption(TEXT.get("headers.label")), headers, autoPong,
                WebSocketView.caption(TEXT.get("maxFrame.label")), maxFrame,
                WebSocketView.caption(TEXT.get("maxMessage.label")), maxMessage);
        second.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(headers, Priority.ALWAYS);
        Label urlError = TabLayout.errorLabel("wsUrlError", model.urlErrorProperty(), subscriptions);
        Label headersError = TabLayout.errorLabel("wsHeadersError", model.headersErrorProperty(), subscriptions);
        Label headersNote = TabLayout.errorLabel("wsHeadersNote", model.headersNoteProperty(), subscriptions);
        headersNote.getStyleClass().setAll("label", "field-warning");
        VBox bar = new VBox(6, first, second, TabLayout.messageRow("settings-messages", subscriptions, urlError,
                headersError, headersNote, caFile.message(), maxFrameMessage, maxMessageMessage));
        bar.getStyleClass().add("ws-settings");
        return bar;
    }

    /** A size field ("16 MiB") with its message ({@code id + "Message"}) floating beside it while it is wrong. */
    private static TextField limitField(String id, ByteSizeInput input, Label message, String tooltip,
                                        Subscriptions subscriptions) {
        TextField field = new TextField();
        field.setId(id);
        field.getStyleClass().add("mono");
        field.setPrefColumnCount(6);
        Tips.install(field, tooltip);
        message.setId(id + "Message");
        subscriptions.bindBidirectional(field.textProperty(), input.textProperty());
        FieldMessage.show(field, message, input.verdictProperty(), subscriptions);
        return field;
    }
}
