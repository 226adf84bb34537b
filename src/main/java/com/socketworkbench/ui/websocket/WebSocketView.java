package com.socketworkbench.ui.websocket;

import static com.socketworkbench.ui.websocket.WebSocketTab.TEXT;

import com.socketworkbench.engine.codec.ByteSource;
import com.socketworkbench.engine.codec.HexDump;
import com.socketworkbench.engine.websocket.FrameEncoder;
import com.socketworkbench.engine.websocket.Opcode;
import com.socketworkbench.engine.websocket.WsVerdict;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.fx.Tips;
import com.socketworkbench.ui.input.FieldMessage;
import com.socketworkbench.ui.tab.TabLayout;
import com.socketworkbench.ui.tab.TabNotifier;
import com.socketworkbench.ui.tab.TabView;
import com.socketworkbench.ui.traffic.Formats;
import com.socketworkbench.ui.traffic.HexLines;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.function.Function;

/**
 * The WebSocket tab's layout (root id {@code websocket}); {@link WsSettingsBar} builds the top: the URL
 * ({@code #wsUrl}), Connect/Disconnect
 * ({@code #wsConnect}), the state ({@code #wsState}), the insecure switch ({@code #wsInsecure}), subprotocols
 * ({@code #wsProtocols}), extra headers ({@code #wsHeaders}) and auto-pong ({@code #wsAutoPong}) on top, with their
 * messages ({@code #wsUrlError}, {@code #wsHeadersError}); the handshake as sent ({@code #wsHandshakeRequest}) and
 * received ({@code #wsHandshakeResponse}) with the accept check ({@code #wsAcceptCheck}) and verdicts
 * ({@code #wsHandshakeVerdict}); the frames ({@code #wsTimeline}) beside the selected row's details
 * ({@code #wsFrameDetail}, {@code #wsFrameVerdict}) and payload in hex ({@code #wsPayloadHex}, the bytes a verdict
 * names marked, a masked frame's bytes as on the wire with {@code #wsWireBytes}); the send bar below:
 * {@code #wsOpcode}, {@code #wsPayload} (Ctrl/Cmd+Enter sends), {@code #wsControlHex} (ping and pong payload as
 * hex), {@code #wsFragment}, {@code #wsCloseCode} and {@code #wsCloseReason} with their messages
 * ({@code #wsCloseCodeError}, {@code #wsCloseReasonError}), {@code #wsSend}, {@code #wsSendError}, the counters
 * ({@code #wsCounters}) and Clear ({@code #wsClear}).
 */
public final class WebSocketView implements TabView {
    private final WebSocketModel model;
    private final BorderPane root;
    private final TableView<FrameRow> timeline = new TableView<>();
    private final ListView<String> hex = new ListView<>();
    private final Label detail = new Label();
    private final Label frameVerdict = new Label();
    private final CheckBox wireBytes = new CheckBox();
    /** What the selected row's hex view marks: the bytes its first verdict with an offset names. */
    private WsHexCell.Mark hexMark = WsHexCell.Mark.NONE;
    private FrameRow shown;
    private final TabNotifier notifier;

    public WebSocketView(WebSocketModel model, Subscriptions subscriptions) {
        this.model = model;
        Node top = WsSettingsBar.build(model, subscriptions);
        SplitPane frames = new SplitPane(timeline(subscriptions), selection(subscriptions));
        frames.setDividerPositions(0.68);
        SplitPane center = new SplitPane(handshake(subscriptions), frames);
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(0.36);
        notifier = new TabNotifier(center);
        subscriptions.subscribe(model.problemProperty(), text -> {
            if (text != null && !text.isEmpty()) {
                notifier.showError(text);
            }
        });
        root = TabLayout.root("websocket", WebSocketView.class, "websocket.css", top, notifier.pane(),
                sendBar(subscriptions));
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void dispose() {
        notifier.dispose();
    }

    TabNotifier notifier() {
        return notifier;
    }

    // ---------------------------------------------------------------- handshake

    private Node handshake(Subscriptions subscriptions) {
        TextArea request = readOnly("wsHandshakeRequest", TEXT.get("handshake.request.placeholder"));
        subscriptions.bind(request.textProperty(), model.handshakeRequestProperty());
        TextArea response = readOnly("wsHandshakeResponse", TEXT.get("handshake.response.placeholder"));
        subscriptions.bind(response.textProperty(), model.handshakeResponseProperty());
        VBox sent = new VBox(2, sectionTitle(TEXT.get("handshake.request")), request);
        VBox received = new VBox(2, sectionTitle(TEXT.get("handshake.response")), response);
        VBox.setVgrow(request, Priority.ALWAYS);
        VBox.setVgrow(response, Priority.ALWAYS);
        HBox both = new HBox(8, sent, received);
        HBox.setHgrow(sent, Priority.ALWAYS);
        HBox.setHgrow(received, Priority.ALWAYS);
        VBox.setVgrow(both, Priority.ALWAYS);

        Label accept = new Label();
        accept.setId("wsAcceptCheck");
        accept.getStyleClass().addAll("mono", "ws-accept");
        accept.setWrapText(true);
        subscriptions.bind(accept.textProperty(), model.acceptCheckProperty());
        subscriptions.subscribe(model.acceptMatchesProperty(), matches -> {
            accept.getStyleClass().removeAll("ws-good", "ws-bad");
            if (matches != null) {
                accept.getStyleClass().add(matches ? "ws-good" : "ws-bad");
            }
        });
        TabLayout.showWhen(accept, Bindings.isNotEmpty(model.acceptCheckProperty()), subscriptions);
        Label tls = new Label();
        tls.setId("wsTls");
        tls.setWrapText(true);
        tls.getStyleClass().add("muted-label");
        subscriptions.bind(tls.textProperty(), model.tlsProperty());
        TabLayout.showWhen(tls, Bindings.isNotEmpty(model.tlsProperty()), subscriptions);
        Label verdict = TabLayout.errorLabel("wsHandshakeVerdict", model.handshakeVerdictProperty(), subscriptions);
        VBox box = new VBox(4, both, accept, tls, verdict);
        box.getStyleClass().add("ws-handshake");
        box.setMinHeight(0);
        return box;
    }

    // ---------------------------------------------------------------- timeline

    private Node timeline(Subscriptions subscriptions) {
        timeline.setId("wsTimeline");
        timeline.getStyleClass().add("ws-timeline");
        timeline.setItems(model.rows());
        timeline.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        timeline.setPlaceholder(new Label(TEXT.get("timeline.placeholder")));
        timeline.getColumns().addAll(
                column("wsColTime", TEXT.get("col.time"), 112, row -> Formats.time(row.time())),
                column("wsColDirection", TEXT.get("col.direction"), 40, FrameRow::directionText),
                column("wsColOpcode", TEXT.get("col.opcode"), 150, FrameRow::opcodeText),
                column("wsColFin", "FIN", 40, row -> row.kind() == FrameRow.Kind.FRAME ? (row.fin() ? "1" : "0")
                        : ""),
                column("wsColRsv", "RSV", 46, row -> row.kind() == FrameRow.Kind.FRAME
                        ? Integer.toBinaryString(8 | row.rsv()).substring(1) : ""),
                column("wsColMask", "MASK", 58, row -> row.kind() == FrameRow.Kind.FRAME
                        ? (row.masked() ? "1" : "0") : ""),
                column("wsColLength", TEXT.get("col.length"), 70, row -> row.kind() == FrameRow.Kind.FRAME
                        || row.kind() == FrameRow.Kind.MESSAGE ? String.valueOf(row.payloadLength()) : ""),
                column("wsColPayload", TEXT.get("col.payload"), 200, FrameRow::text));
        timeline.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(FrameRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll("ws-out", "ws-in", "ws-note", "ws-problem", "ws-message", "ws-warning",
                        "ws-expert-row");
                Tips.install(this, null);
                if (empty || row == null) {
                    return;
                }
                getStyleClass().add(switch (row.kind()) {
                    case NOTE -> "ws-note";
                    case PROBLEM -> "ws-problem";
                    case MESSAGE -> "ws-message";
                    case FRAME -> row.hasFatalVerdict() ? "ws-problem" : row.hasVerdict() ? "ws-warning"
                            : row.direction() == com.socketworkbench.engine.websocket.Direction.OUT ? "ws-out"
                            : "ws-in";
                });
                if (row.isExpert()) {
                    getStyleClass().add("ws-expert-row");
                }
                if (row.hasVerdict()) {
                    Tips.install(this, row.verdictText());
                }
            }
        });
        // New rows keep the newest in view unless the user scrolled away or picked a row.
        subscriptions.listen(model.rows(), (javafx.collections.ListChangeListener<FrameRow>) change -> {
            if (timeline.getSelectionModel().isEmpty() && !model.rows().isEmpty()) {
                timeline.scrollTo(model.rows().size() - 1);
            }
        });
        return timeline;
    }

    private static TableColumn<FrameRow, String> column(String id, String title, double width,
                                                        Function<FrameRow, String> value) {
        TableColumn<FrameRow, String> column = new TableColumn<>(title);
        column.setId(id);
        column.setPrefWidth(width);
        // The flexible last column takes the room; the others keep what their texts need.
        column.setMinWidth(width);
        if (!"wsColPayload".equals(id)) {
            column.setMaxWidth(width);
        }
        column.setSortable(false);
        column.setCellValueFactory(cell -> (ObservableValue<String>) new ReadOnlyObjectWrapper<>(
                value.apply(cell.getValue())));
        return column;
    }

    private Node selection(Subscriptions subscriptions) {
        detail.setId("wsFrameDetail");
        detail.getStyleClass().addAll("mono", "ws-detail");
        detail.setWrapText(true);
        detail.setMinHeight(Region.USE_PREF_SIZE);
        detail.setText(TEXT.get("detail.none"));
        frameVerdict.setId("wsFrameVerdict");
        frameVerdict.getStyleClass().add("field-error");
        frameVerdict.setWrapText(true);
        frameVerdict.setMinHeight(Region.USE_PREF_SIZE);
        hex.setId("wsPayloadHex");
        hex.getStyleClass().addAll("mono", "hex-dump");
        hex.setFixedCellSize(20);
        Label empty = new Label(TEXT.get("hex.placeholder"));
        empty.getStyleClass().add("placeholder-label");
        empty.setWrapText(true);
        hex.setPlaceholder(empty);
        hex.setCellFactory(view -> new WsHexCell(() -> hexMark));
        wireBytes.setText(TEXT.get("hex.wire"));
        wireBytes.setId("wsWireBytes");
        Tips.install(wireBytes, TEXT.get("hex.wire.tooltip"));
        wireBytes.setManaged(false);
        wireBytes.setVisible(false);
        subscriptions.listen(wireBytes.selectedProperty(), (observable, before, now) -> showHex(shown));
        subscriptions.subscribe(timeline.getSelectionModel().selectedItemProperty(), this::show);
        VBox.setVgrow(hex, Priority.ALWAYS);
        VBox box = new VBox(4, sectionTitle(TEXT.get("detail.title")), detail, frameVerdict, wireBytes, hex);
        box.getStyleClass().add("ws-selection");
        box.setMinWidth(0);
        return box;
    }

    private void show(FrameRow row) {
        shown = row;
        // The wire view exists only for a masked frame (every frame we send; a server's is a violation).
        boolean masked = row != null && row.kind() == FrameRow.Kind.FRAME && row.masked();
        wireBytes.setManaged(masked);
        wireBytes.setVisible(masked);
        if (row == null) {
            detail.setText(TEXT.get("detail.none"));
            frameVerdict.setText("");
            showHex(null);
            return;
        }
        detail.setText(detailText(row));
        frameVerdict.setText(row.verdicts().stream().map(v -> (v.fatal() ? "✖ " : "⚠ ") + v.text())
                .reduce((a, b) -> a + "\n" + b).orElse(""));
        showHex(row);
    }

    /**
     * The row's payload in hex, unmasked or, with {@code #wsWireBytes} on, masked as it was on the wire; the bytes
     * its first verdict names are marked and their first line selected and scrolled to. Masking keeps each byte
     * in its place, so the mark holds in both views.
     */
    private void showHex(FrameRow row) {
        hexMark = WsHexCell.Mark.NONE;
        hex.getSelectionModel().clearSelection();
        if (row == null) {
            hex.setItems(FXCollections.emptyObservableList());
            return;
        }
        byte[] bytes = row.masked() && wireBytes.isVisible() && wireBytes.isSelected()
                ? FrameEncoder.masked(row.payload(), row.maskKey()) : row.payload();
        hexMark = row.verdicts().stream().filter(WsVerdict::marksBytes)
                .filter(v -> v.offset() < bytes.length).findFirst()
                .map(v -> new WsHexCell.Mark(v.offset(), Math.min(bytes.length, v.offset() + v.length()),
                        bytes.length))
                .orElse(WsHexCell.Mark.NONE);
        hex.setItems(new HexLines(ByteSource.of(bytes)));
        if (hexMark.start() >= 0) {
            int line = (int) (hexMark.start() / HexDump.BYTES_PER_LINE);
            hex.getSelectionModel().select(line);
            hex.scrollTo(line);
        }
    }

    private static String detailText(FrameRow row) {
        return switch (row.kind()) {
            case FRAME -> {
                String base = TEXT.get("detail.frame", Opcode.name(row.opcode()), row.fin() ? 1 : 0,
                        row.rsv() == 0 ? "0" : new com.socketworkbench.engine.websocket.WsFrame(true, row.rsv(), 0,
                                false, 0, 0, new byte[0], new byte[0]).rsvText(),
                        row.masked() ? String.format("%08x", row.maskKey()) : TEXT.get("detail.unmasked"),
                        row.payloadLength(), com.socketworkbench.engine.websocket.PayloadText.hex(row.header(), 14));
                yield row.payload().length < row.payloadLength()
                        ? base + "\n" + TEXT.get("detail.truncated", row.payload().length) : base;
            }
            case MESSAGE -> TEXT.get("detail.message", Opcode.name(row.opcode()), row.frames(), row.payloadLength());
            default -> row.text();
        };
    }

    // ---------------------------------------------------------------- send bar

    private Node sendBar(Subscriptions subscriptions) {
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
        HBox fragmentBox = new HBox(4, caption(TEXT.get("fragment.label")), fragment);
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
        HBox closeBox = new HBox(4, caption(TEXT.get("closeCode.label")), code, caption(TEXT.get(
                "closeReason.label")), reason);
        closeBox.setAlignment(Pos.CENTER_LEFT);
        TabLayout.showWhen(closeBox, Bindings.equal(model.sendKindProperty(), SendKind.CLOSE), subscriptions);
        TabLayout.showWhen(payload, Bindings.notEqual(model.sendKindProperty(), SendKind.CLOSE), subscriptions);

        Node expertBox = expertControls(subscriptions);
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

        HBox row = new HBox(8, expert, kind, payload, controlHex, closeBox, fragmentBox, send);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox footer = new HBox(8, counters, spacer, clear);
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
    private Node expertControls(Subscriptions subscriptions) {
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
        HBox box = new HBox(8, caption, fin, rsv1, rsv2, rsv3, caption(TEXT.get("expert.opcode")), opcode, mask);
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

    // ---------------------------------------------------------------- helpers

    static Label caption(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("field-caption");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static Label sectionTitle(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("section-title");
        return label;
    }

    private static TextArea readOnly(String id, String placeholder) {
        TextArea area = new TextArea();
        area.setId(id);
        area.setEditable(false);
        area.getStyleClass().addAll("mono", "ws-raw");
        area.setPromptText(placeholder);
        area.setPrefRowCount(6);
        return area;
    }
}
