package com.socketworkbench.ui.websocket;

import static com.socketworkbench.ui.websocket.WebSocketTab.TEXT;

import com.socketworkbench.engine.websocket.Opcode;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.fx.Tips;
import com.socketworkbench.ui.input.FieldMessage;
import com.socketworkbench.ui.tab.TabLayout;
import com.socketworkbench.ui.traffic.HistoryButtons;

import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.function.Consumer;

/**
 * The WebSocket tab's send bar (built in code, under the frames): the send type ({@code #wsOpcode}), the payload
 * ({@code #wsPayload}, Ctrl/Cmd+Enter sends), hex for ping and pong ({@code #wsControlHex}), fragments
 * ({@code #wsFragment}), File… to send a file's bytes as one binary message ({@code #wsSendFile}, what it did in
 * {@code #wsSendFileStatus}), the close code and reason with their messages, the expert frame's bits ({@code #wsExpert}
 * and what it reveals), Send ({@code #wsSend}) with its refusal ({@code #wsSendError}), the counters
 * ({@code #wsCounters}), the history of sends ({@code #wsHistoryPrevious}, {@code #wsHistoryNext}; Alt+Up and Alt+Down
 * in the payload) and Clear ({@code #wsClear}).
 */
final class WsSendBarView {
    private WsSendBarView() {
    }

    /** @param chooseFile asks for a file and sends it (File…), given the button for the dialog's owner */
    static Node build(WebSocketModel model, Consumer<Node> chooseFile, Subscriptions subscriptions) {
        ComboBox<SendKind> kind = new ComboBox<>(FXCollections.observableArrayList(SendKind.values()));
        kind.setId("wsOpcode");
        Tips.install(kind, TEXT.get("send.kind.tooltip"));
        subscriptions.bindBidirectional(kind.valueProperty(), model.sendKindProperty());

        TextArea payload = new TextArea();
        payload.setId("wsPayload");
        payload.getStyleClass().add("mono");
        payload.setPrefRowCount(2);
        payload.setWrapText(true);
        subscriptions.bindBidirectional(payload.textProperty(), model.payloadProperty());
        Runnable prompt = () -> payload.setPromptText(TEXT.get(model.payloadIsHex() ? "payload.prompt.hex"
                : "payload.prompt.text"));
        subscriptions.subscribe(model.sendKindProperty(), now -> prompt.run());
        subscriptions.subscribe(model.controlHexProperty(), on -> prompt.run());
        payload.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            // Ctrl+Enter (Cmd+Enter on macOS) sends, as in the other tabs' send editor; Enter alone is a newline.
            if (event.getCode() == KeyCode.ENTER && (event.isShortcutDown() || event.isControlDown())) {
                model.send();
                event.consume();
            }
        });
        HistoryButtons.onAltArrows(payload, model::historyPrevious, model::historyNext);
        HBox.setHgrow(payload, Priority.ALWAYS);

        CheckBox controlHex = new CheckBox(TEXT.get("controlHex"));
        controlHex.setId("wsControlHex");
        controlHex.setMinWidth(Region.USE_PREF_SIZE);
        Tips.install(controlHex, TEXT.get("controlHex.tooltip"));
        subscriptions.bindBidirectional(controlHex.selectedProperty(), model.controlHexProperty());
        TabLayout.showWhen(controlHex, Bindings.createBooleanBinding(() -> model.sendKindProperty().get()
                == SendKind.PING || model.sendKindProperty().get() == SendKind.PONG, model.sendKindProperty()),
                subscriptions);

        TextField fragment = new TextField();
        fragment.setId("wsFragment");
        fragment.setPrefColumnCount(5);
        fragment.setPromptText(TEXT.get("fragment.prompt"));
        Tips.install(fragment, TEXT.get("fragment.tooltip"));
        subscriptions.bindBidirectional(fragment.textProperty(), model.fragmentProperty());
        HBox fragmentBox = new HBox(4, WebSocketView.caption(TEXT.get("fragment.label")), fragment);
        fragmentBox.setAlignment(Pos.CENTER_LEFT);

        TextField code = new TextField();
        code.setId("wsCloseCode");
        code.setPrefColumnCount(4);
        Tips.install(code, TEXT.get("closeCode.tooltip"));
        subscriptions.bindBidirectional(code.textProperty(), model.closeCodeProperty());
        TextField reason = new TextField();
        reason.setId("wsCloseReason");
        reason.setPrefColumnCount(14);
        reason.setPromptText(TEXT.get("closeReason.prompt"));
        subscriptions.bindBidirectional(reason.textProperty(), model.closeReasonProperty());
        // Each field says at once what is wrong with it, beside it, as the other tabs' fields do.
        Label codeError = new Label();
        codeError.setId("wsCloseCodeError");
        FieldMessage.show(code, codeError, model.closeCodeVerdictProperty(), subscriptions);
        Label reasonError = new Label();
        reasonError.setId("wsCloseReasonError");
        FieldMessage.show(reason, reasonError, model.closeReasonVerdictProperty(), subscriptions);
        HBox closeBox = new HBox(4, WebSocketView.caption(TEXT.get("closeCode.label")), code, WebSocketView.caption(TEXT.get(
                "closeReason.label")), reason);
        closeBox.setAlignment(Pos.CENTER_LEFT);
        TabLayout.showWhen(closeBox, Bindings.equal(model.sendKindProperty(), SendKind.CLOSE), subscriptions);
        TabLayout.showWhen(payload, Bindings.notEqual(model.sendKindProperty(), SendKind.CLOSE), subscriptions);

        Node expertBox = expertControls(model, subscriptions);
        CheckBox expert = new CheckBox(TEXT.get("expert"));
        expert.setId("wsExpert");
        expert.setMinWidth(Region.USE_PREF_SIZE);
        Tips.install(expert, TEXT.get("expert.tooltip"));
        subscriptions.bindBidirectional(expert.selectedProperty(), model.expertProperty());
        // One raw frame: no fragmenting.
        TabLayout.showWhen(fragmentBox, Bindings.createBooleanBinding(() -> !model.expertProperty().get()
                && (model.sendKindProperty().get() == SendKind.TEXT_MESSAGE
                || model.sendKindProperty().get() == SendKind.BINARY_MESSAGE),
                model.sendKindProperty(), model.expertProperty()), subscriptions);

        Button file = new Button(TEXT.get("file"));
        file.setId("wsSendFile");
        file.setMinWidth(Region.USE_PREF_SIZE);
        Tips.install(file, TEXT.get("file.tooltip"));
        file.setOnAction(event -> chooseFile.accept(file));
        // A file goes as a binary message: offered while Binary is the kind and no expert frame is being built.
        TabLayout.showWhen(file, Bindings.createBooleanBinding(() -> !model.expertProperty().get()
                && model.sendKindProperty().get() == SendKind.BINARY_MESSAGE,
                model.sendKindProperty(), model.expertProperty()), subscriptions);
        subscriptions.bind(file.disableProperty(), Bindings.createBooleanBinding(
                () -> model.phase() != WebSocketModel.Phase.OPEN || model.fileSend().running().get(),
                model.phaseProperty(), model.fileSend().running()));
        Label fileStatus = new Label();
        fileStatus.setId("wsSendFileStatus");
        fileStatus.getStyleClass().add("muted-label");
        fileStatus.setMinWidth(0);
        subscriptions.bind(fileStatus.textProperty(), model.fileSend().status());
        TabLayout.showWhen(fileStatus, Bindings.isNotEmpty(model.fileSend().status()), subscriptions);

        Button send = new Button(TEXT.get("send"));
        send.setId("wsSend");
        send.getStyleClass().add("accent");
        subscriptions.subscribe(model.expertProperty(), on -> {
            send.setText(TEXT.get(on ? "send.raw" : "send"));
            send.getStyleClass().removeAll("accent", "danger");
            send.getStyleClass().add(on ? "danger" : "accent");
        });
        send.setMinWidth(Region.USE_PREF_SIZE);
        send.setOnAction(event -> model.send());
        // A close with a code or reason that cannot go on the wire waits until the field is fixed.
        subscriptions.bind(send.disableProperty(), Bindings.createBooleanBinding(
                () -> model.phase() != WebSocketModel.Phase.OPEN || model.closeCodeVerdictProperty().get().isError()
                        || model.closeReasonVerdictProperty().get().isError(),
                model.phaseProperty(), model.closeCodeVerdictProperty(), model.closeReasonVerdictProperty()));

        Label counters = new Label();
        counters.setId("wsCounters");
        counters.getStyleClass().add("muted-label");
        subscriptions.bind(counters.textProperty(), Bindings.createStringBinding(model::countersText,
                model.framesInProperty(), model.bytesInProperty(), model.framesOutProperty(),
                model.bytesOutProperty()));
        Button clear = new Button(TEXT.get("clear"));
        clear.setId("wsClear");
        Tips.install(clear, TEXT.get("clear.tooltip"));
        clear.setOnAction(event -> model.clear());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.SOMETIMES);

        HBox row = new HBox(8, expert, kind, payload, controlHex, closeBox, fragmentBox, file, send);
        row.setAlignment(Pos.CENTER_LEFT);
        HistoryButtons history = new HistoryButtons("wsHistory", model::historyPrevious, model::historyNext);
        HBox footer = new HBox(8, counters, fileStatus, spacer, history.node(), clear);
        footer.setAlignment(Pos.CENTER_LEFT);
        Label sendError = TabLayout.errorLabel("wsSendError", model.sendErrorProperty(), subscriptions);
        VBox bar = new VBox(6, expertBox, row, TabLayout.messageRow("send-messages", subscriptions, codeError,
                reasonError), sendError, footer);
        bar.getStyleClass().add("ws-send");
        return bar;
    }

    /**
     * The expert frame's bits, shown while {@code #wsExpert} is on: FIN, RSV1–3, any opcode 0–15 and the mask, under
     * a red "raw/expert" caption, since what they send may break RFC 6455 on purpose.
     */
    private static Node expertControls(WebSocketModel model, Subscriptions subscriptions) {
        Label caption = new Label(TEXT.get("expert.caption"));
        caption.getStyleClass().add("ws-expert-caption");
        caption.setMinWidth(Region.USE_PREF_SIZE);
        Tips.install(caption, TEXT.get("expert.tooltip"));
        CheckBox fin = bit("wsFin", "FIN", TEXT.get("expert.fin.tooltip"), model.finProperty(), subscriptions);
        CheckBox rsv1 = bit("wsRsv1", "RSV1", TEXT.get("expert.rsv.tooltip"), model.rsv1Property(), subscriptions);
        CheckBox rsv2 = bit("wsRsv2", "RSV2", TEXT.get("expert.rsv.tooltip"), model.rsv2Property(), subscriptions);
        CheckBox rsv3 = bit("wsRsv3", "RSV3", TEXT.get("expert.rsv.tooltip"), model.rsv3Property(), subscriptions);
        ComboBox<Integer> opcode = new ComboBox<>(FXCollections.observableArrayList(
                java.util.stream.IntStream.rangeClosed(0, 15).boxed().toList()));
        opcode.setId("wsRawOpcode");
        opcode.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer value) {
                return value == null ? "" : String.format("0x%X %s", value, Opcode.isReserved(value)
                        ? TEXT.get("expert.opcode.reserved") : Opcode.name(value));
            }

            @Override
            public Integer fromString(String text) {
                return opcode.getValue();
            }
        });
        Tips.install(opcode, TEXT.get("expert.opcode.tooltip"));
        subscriptions.bindBidirectional(opcode.valueProperty(), model.rawOpcodeProperty());
        CheckBox mask = bit("wsMask", "MASK", TEXT.get("expert.mask.tooltip"), model.maskProperty(), subscriptions);
        HBox box = new HBox(8, caption, fin, rsv1, rsv2, rsv3, WebSocketView.caption(TEXT.get("expert.opcode")), opcode, mask);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("ws-expert");
        TabLayout.showWhen(box, model.expertProperty(), subscriptions);
        return box;
    }

    private static CheckBox bit(String id, String text, String tooltip, javafx.beans.property.BooleanProperty value,
                                Subscriptions subscriptions) {
        CheckBox box = new CheckBox(text);
        box.setId(id);
        box.setMinWidth(Region.USE_PREF_SIZE);
        Tips.install(box, tooltip);
        subscriptions.bindBidirectional(box.selectedProperty(), value);
        return box;
    }

}
