package com.socketworkbench.ui.websocket;

import static com.socketworkbench.ui.websocket.WebSocketTab.TEXT;

import com.socketworkbench.engine.codec.ByteSource;
import com.socketworkbench.engine.codec.HexDump;
import com.socketworkbench.engine.websocket.FrameEncoder;
import com.socketworkbench.engine.websocket.Opcode;
import com.socketworkbench.engine.websocket.WsVerdict;
import com.socketworkbench.ui.capture.CaptureFileChooser;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.fx.Tips;
import com.socketworkbench.ui.sendfile.SendFileChooser;
import com.socketworkbench.ui.tls.TlsFileChooser;
import com.socketworkbench.ui.tab.TabLayout;
import com.socketworkbench.ui.tab.TabNotifier;
import com.socketworkbench.ui.tab.TabView;
import com.socketworkbench.ui.traffic.Formats;
import com.socketworkbench.ui.traffic.HexLineCell;
import com.socketworkbench.ui.traffic.HexLines;
import com.socketworkbench.ui.traffic.HexMarks;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

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
 * ({@code #wsCounters}) and Clear ({@code #wsClear}); over the frames, the filter and Export ({@link WsTimelineTools}),
 * and in the send bar File… ({@code #wsSendFile}, {@code #wsSendFileStatus}).
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
    private final HexMarks hexMarks = new HexMarks();
    private FrameRow shown;
    private final TabNotifier notifier;
    private final WsTimelineTools tools;
    private SendFileChooser sendFileChooser = SendFileChooser.system();
    private TlsFileChooser caFileChooser = TlsFileChooser.system();

    public WebSocketView(WebSocketModel model, Subscriptions subscriptions) {
        this.model = model;
        Node top = WsSettingsBar.build(model, () -> caFileChooser, subscriptions);
        tools = new WsTimelineTools(model, text -> notifier().showInfo(text), text -> notifier().showError(text),
                subscriptions);
        VBox listed = new VBox(4, tools.view(), timeline(subscriptions));
        VBox.setVgrow(timeline, Priority.ALWAYS);
        listed.getStyleClass().add("ws-frames");
        listed.setMinWidth(0);
        SplitPane frames = new SplitPane(listed, selection(subscriptions));
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
                WsSendBarView.build(model, this::chooseFileToSend, subscriptions));
    }

    /** Asks for the file the send bar's File… sends, then sends it. */
    private void chooseFileToSend(Node from) {
        Window owner = from.getScene() == null ? null : from.getScene().getWindow();
        sendFileChooser.choose(owner).ifPresent(model::sendFile);
    }

    /** Replaces the system's open dialog of File… (tests). */
    /** Where "…" of the CA file asks (tests answer with their own file). */
    public void setCaFileChooser(TlsFileChooser chooser) {
        this.caFileChooser = chooser;
    }

    public void setSendFileChooser(SendFileChooser chooser) {
        this.sendFileChooser = chooser;
    }

    /** Replaces the system's save dialog of Export (tests). */
    public void setExportChooser(CaptureFileChooser chooser) {
        tools.setFileChooser(chooser);
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
        timeline.setItems(model.filter().shown());
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
        ObservableList<FrameRow> listed = model.filter().shown();
        subscriptions.listen(listed, (javafx.collections.ListChangeListener<FrameRow>) change -> {
            if (timeline.getSelectionModel().isEmpty() && !listed.isEmpty()) {
                timeline.scrollTo(listed.size() - 1);
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
        hex.setCellFactory(view -> new HexLineCell(hexMarks));
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
        hex.getSelectionModel().clearSelection();
        if (row == null) {
            hexMarks.reset(0);
            hex.setItems(FXCollections.emptyObservableList());
            return;
        }
        byte[] bytes = row.masked() && wireBytes.isVisible() && wireBytes.isSelected()
                ? FrameEncoder.masked(row.payload(), row.maskKey()) : row.payload();
        hexMarks.reset(bytes.length);
        WsVerdict named = row.verdicts().stream().filter(WsVerdict::marksBytes)
                .filter(v -> v.offset() < bytes.length).findFirst().orElse(null);
        if (named != null) {
            hexMarks.setFlag((int) named.offset(), (int) Math.min(bytes.length, named.offset() + named.length()),
                    "ws-hex-mark");
        }
        hex.setItems(new HexLines(ByteSource.of(bytes)));
        if (named != null) {
            int line = (int) (named.offset() / HexDump.BYTES_PER_LINE);
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
