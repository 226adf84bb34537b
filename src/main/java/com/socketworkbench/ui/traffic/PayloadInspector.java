package com.socketworkbench.ui.traffic;

import com.socketworkbench.ui.fx.Subscriptions;

import com.socketworkbench.engine.codec.ByteArrayLiterals;
import com.socketworkbench.engine.codec.ByteSource;
import com.socketworkbench.engine.codec.ByteText;
import com.socketworkbench.engine.codec.HexCodec;
import com.socketworkbench.engine.codec.SupportedCharsets;
import com.socketworkbench.engine.event.BytesReceived;
import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.ui.fx.Tips;
import javafx.beans.value.ObservableValue;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;

/**
 * Shows the bytes of the selected timeline row: a virtualised hex dump ({@code payloadHex}, one formatted line per
 * visible cell), the decoded text ({@code payloadText}, first {@value #TEXT_LIMIT} bytes only, with a note when
 * cut), the charset used for both the text and the timeline previews ({@code payloadCharset}), copy buttons
 * ({@code copyHex}, {@code copyText}, {@code copyC}, {@code copyJava}) and the size ({@code payloadSize}).
 *
 * <p>Bind {@link #rowProperty()} to the timeline's selection and the timeline's charset to {@link #charsetProperty()}.
 */
public final class PayloadInspector {
    /** The text view decodes at most this many bytes; a TextArea with megabytes of text would stall the UI. */
    public static final int TEXT_LIMIT = 64 * 1024;

    private static final Texts TEXT = TrafficTexts.TEXT;

    private final ObjectProperty<TimelineRow> row = new SimpleObjectProperty<>(this, "row");
    private boolean followingSendCharset = true;
    private boolean settingFromSend;
    private final ComboBox<Charset> charsetBox = new ComboBox<>(FXCollections.observableArrayList(SupportedCharsets.all()));
    private final ListView<String> hex = new ListView<>();
    private final TextArea text = new TextArea();
    private final Label textNote = new Label();
    private final Label size = new Label();
    private final Button copyHex = new Button(TEXT.get("inspector.copy.hex"));
    private final Button copyText = new Button(TEXT.get("inspector.copy.text"));
    private final Button copyC = new Button(TEXT.get("inspector.copy.c"));
    private final Button copyJava = new Button(TEXT.get("inspector.copy.java"));
    private final ObjectProperty<PayloadPattern> highlight = new SimpleObjectProperty<>(this, "highlight");
    private final DataInspector dataInspector = new DataInspector();
    private final HexDumpSelection hexSelection;
    private final VBox root;
    private byte[] shownBytes;
    private final SplitPane split;
    /** The user's hex/text split while a row's details (a TLS handshake) have the room; null otherwise. */
    private Double splitBeforeDetails;

    public PayloadInspector(Subscriptions subscriptions) {
        charsetBox.setId("payloadCharset");
        charsetBox.setValue(StandardCharsets.UTF_8);
        Tips.install(charsetBox, TEXT.get("inspector.charset.tip"));

        hex.setId("payloadHex");
        hex.getStyleClass().addAll("mono", "hex-dump");
        hex.setFixedCellSize(20);
        hex.setPlaceholder(placeholder(TEXT.get("inspector.hex.empty")));
        hexSelection = new HexDumpSelection(hex, this::selectionChanged, this::currentMatchChanged);

        text.setId("payloadText");
        text.getStyleClass().addAll("mono", "payload-text");
        text.setEditable(false);
        text.setWrapText(true);
        text.setPromptText(TEXT.get("inspector.text.prompt"));

        textNote.setId("payloadNote");
        textNote.getStyleClass().add("muted-label");
        textNote.setManaged(false);
        textNote.setVisible(false);

        size.setId("payloadSize");
        size.getStyleClass().add("payload-size");

        copyHex.setId("copyHex");
        copyText.setId("copyText");
        copyC.setId("copyC");
        copyJava.setId("copyJava");
        Tips.install(copyHex, TEXT.get("inspector.copy.hex.tip"));
        Tips.install(copyText, TEXT.get("inspector.copy.text.tip"));
        Tips.install(copyC, TEXT.get("inspector.copy.c.tip"));
        Tips.install(copyJava, TEXT.get("inspector.copy.java.tip"));
        copyHex.setOnAction(event -> copy(HexCodec::format));
        copyText.setOnAction(event -> copy(bytes -> ByteText.decode(bytes, charset())));
        copyC.setOnAction(event -> copy(ByteArrayLiterals::c));
        copyJava.setOnAction(event -> copy(ByteArrayLiterals::java));
        for (Button button : new Button[]{copyHex, copyText, copyC, copyJava}) {
            button.getStyleClass().add("small-button");
        }

        Label copyLabel = new Label(TEXT.get("inspector.copy"));
        copyLabel.getStyleClass().add("muted-label");
        Label charsetLabel = new Label(TEXT.get("inspector.charset"));
        charsetLabel.getStyleClass().add("muted-label");
        HBox charsetGroup = new HBox(6, charsetLabel, charsetBox);
        charsetGroup.setAlignment(Pos.CENTER_LEFT);
        HBox copyAs = new HBox(6, copyLabel, copyHex);
        copyAs.setAlignment(Pos.CENTER_LEFT);
        for (Region part : new Region[]{size, charsetLabel, copyLabel, copyHex, copyText, copyC, copyJava,
                charsetGroup, copyAs}) {
            part.setMinWidth(Region.USE_PREF_SIZE);
        }
        // Beside a socket panel the traffic area is narrow: the copy buttons wrap under the charset, never cut.
        FlowPane tools = new FlowPane(6, 4, charsetGroup, copyAs, copyText, copyC, copyJava);
        tools.setAlignment(Pos.CENTER_RIGHT);
        tools.setRowValignment(VPos.CENTER);
        FlowPane.setMargin(copyAs, new Insets(0, 0, 0, 6));
        HBox.setHgrow(tools, Priority.ALWAYS);
        HBox bar = new HBox(12, size, tools);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("inspector-toolbar");

        VBox textBox = new VBox(4, textNote, text);
        VBox.setVgrow(text, Priority.ALWAYS);
        Node data = dataInspector.view();
        // The data inspector joins the split beside the hex dump once bytes are selected there: a third column from
        // the start would not fit beside a socket panel in a small window. It can be squeezed (it scrolls).
        split = new SplitPane(hex, textBox);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.66);
        ((Region) data).setMinWidth(0);
        // Narrow enough for the traffic area beside the client list and a socket panel in a 1024 px window; the
        // hex lines scroll sideways.
        hex.setMinWidth(240);
        textBox.setMinWidth(120);
        split.getStyleClass().add("inspector-split");

        root = new VBox(bar, split);
        root.getStyleClass().add("payload-inspector");
        root.getStylesheets().add(TrafficStyles.sheet());
        VBox.setVgrow(split, Priority.ALWAYS);

        subscriptions.subscribe(row, ignored -> refresh());
        subscriptions.listen(highlight, (obs, old, pattern) -> refresh());
        subscriptions.listen(charsetBox.valueProperty(), (obs, old, cs) -> refresh());
    }

    private static Label placeholder(String message) {
        Label label = new Label(message);
        label.getStyleClass().add("placeholder-label");
        label.setWrapText(true);
        return label;
    }

    private void refresh() {
        TimelineRow current = row.get();
        byte[] bytes = current == null ? null : EventText.payload(current.event());
        boolean hasData = bytes != null;
        for (Button button : new Button[]{copyHex, copyText, copyC, copyJava}) {
            button.setDisable(!hasData);
        }
        shownBytes = bytes;
        if (!hasData) {
            hex.setItems(FXCollections.emptyObservableList());
            hexSelection.show(null, null);
            text.setText(current == null ? "" : EventText.detail(current.event(), charset()));
            giveTextTheRoom(current != null && EventText.hasDetail(current.event()));
            size.setText(current == null ? TEXT.get("inspector.none")
                    : TEXT.get("inspector.nopayload", EventText.kind(current.event())));
            showNote("");
            return;
        }
        giveTextTheRoom(false);
        hex.setItems(new HexLines(ByteSource.of(bytes)));
        int shown = Math.min(bytes.length, TEXT_LIMIT);
        text.setText(ByteText.decode(bytes, 0, shown, charset()));
        hexSelection.show(bytes, highlight.get());
        String count = String.format(Locale.ROOT, "%,d", bytes.length);
        size.setText(current.event() instanceof BytesReceived received && received.incomplete()
                ? TEXT.get("inspector.size.incomplete", count)
                : current.event() instanceof BytesReceived received && received.reads() > 1
                ? TEXT.get("inspector.size.joined", count, received.reads()) : TEXT.get("inspector.size", count));
        showNote(shown < bytes.length ? TEXT.get("inspector.note.cut", count) : "");
    }

    /** A row with details but no bytes (a certificate chain) reads better wide: the empty hex dump gives way. */
    private void giveTextTheRoom(boolean on) {
        if (on && splitBeforeDetails == null) {
            splitBeforeDetails = split.getDividerPositions()[0];
            split.setDividerPositions(0.2);
        } else if (!on && splitBeforeDetails != null) {
            split.setDividerPositions(splitBeforeDetails);
            splitBeforeDetails = null;
        }
    }

    private void showNote(String note) {
        textNote.setText(note);
        textNote.setVisible(!note.isEmpty());
        textNote.setManaged(!note.isEmpty());
    }

    /** The selected bytes in the data inspector; also what the copy buttons copy while a range is selected. */
    private void selectionChanged(PayloadPattern.Range range) {
        byte[] bytes = shownBytes;
        if (range == null || bytes == null) {
            dataInspector.show(new byte[0], 0, charset());
            return;
        }
        showDataInspector();
        dataInspector.show(Arrays.copyOfRange(bytes, range.start(), range.end()), range.start(), charset());
    }

    /** The current search match is selected in the text view too, when it lies in the text shown. */
    private void currentMatchChanged(PayloadPattern.Range match) {
        byte[] bytes = shownBytes;
        if (match == null || bytes == null || match.end() > Math.min(bytes.length, TEXT_LIMIT)) {
            text.deselect();
            return;
        }
        int from = ByteText.decode(bytes, 0, match.start(), charset()).length();
        int to = from + ByteText.decode(bytes, match.start(), match.length(), charset()).length();
        text.selectRange(Math.min(from, text.getLength()), Math.min(to, text.getLength()));
    }

    private void showDataInspector() {
        Node data = dataInspector.view();
        if (!split.getItems().contains(data)) {
            split.getItems().add(1, data);
            split.setDividerPositions(0.5, 0.76);
        }
    }

    private void copy(Function<byte[], String> format) {
        TimelineRow current = row.get();
        byte[] bytes = current == null ? null : EventText.payload(current.event());
        PayloadPattern.Range range = hexSelection.selection();
        if (bytes != null && range != null && range.end() <= bytes.length) {
            bytes = Arrays.copyOfRange(bytes, range.start(), range.end());
        }
        if (bytes != null) {
            ClipboardContent content = new ClipboardContent();
            content.putString(format.apply(bytes));
            Clipboard.getSystemClipboard().setContent(content);
        }
    }

    private Charset charset() {
        Charset cs = charsetBox.getValue();
        return cs == null ? StandardCharsets.UTF_8 : cs;
    }

    public Node view() {
        return root;
    }

    /** The row being inspected; bind to the timeline's selection. */
    public ObjectProperty<TimelineRow> rowProperty() {
        return row;
    }

    /** The charset chosen by the user (the timeline binds its previews to it). */
    /**
     * Shows the bytes in {@code sendCharset} (the tab's send charset) until the user picks a charset here: text sent
     * as GBK then reads back as GBK instead of escapes, and a charset chosen by hand stays whatever is sent after.
     */
    public void followCharset(ObservableValue<Charset> sendCharset, Subscriptions subscriptions) {
        subscriptions.subscribe(sendCharset, charset -> {
            if (followingSendCharset && charset != null) {
                settingFromSend = true;
                try {
                    charsetBox.setValue(charset);
                } finally {
                    settingFromSend = false;
                }
            }
        });
        subscriptions.listen(charsetBox.valueProperty(), (observable, before, now) -> {
            if (!settingFromSend) {
                followingSendCharset = false;
            }
        });
    }

    public ObjectProperty<Charset> charsetProperty() {
        return charsetBox.valueProperty();
    }

    /** The search whose matches are marked in the hex dump and the text; bind it to the timeline's search. */
    public ObjectProperty<PayloadPattern> highlightProperty() {
        return highlight;
    }

    /** Next and previous match inside the inspected row, for the timeline's search. */
    public MatchNavigator matchNavigator() {
        return hexSelection;
    }

    /** The selected byte range of the hex dump (null for none). */
    public PayloadPattern.Range selectedRange() {
        return hexSelection.selection();
    }

    /** Selects bytes {@code start} to {@code end} (exclusive) of the hex dump, as a drag would. */
    public void selectBytes(int start, int end) {
        hexSelection.select(start, end);
    }

    /** The search match shown as current (null for none). */
    public PayloadPattern.Range currentMatch() {
        return hexSelection.currentMatch();
    }

    public ListView<String> hexView() {
        return hex;
    }

    public TextArea textView() {
        return text;
    }
}
