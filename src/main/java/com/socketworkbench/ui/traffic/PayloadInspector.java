package com.socketworkbench.ui.traffic;

import com.socketworkbench.ui.fx.Subscriptions;

import com.socketworkbench.engine.codec.ByteArrayLiterals;
import com.socketworkbench.engine.codec.ByteSource;
import com.socketworkbench.engine.codec.ByteText;
import com.socketworkbench.engine.codec.HexCodec;
import com.socketworkbench.engine.codec.SupportedCharsets;
import com.socketworkbench.engine.event.BytesReceived;
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
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
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

    private final ObjectProperty<TimelineRow> row = new SimpleObjectProperty<>(this, "row");
    private final ComboBox<Charset> charsetBox = new ComboBox<>(FXCollections.observableArrayList(SupportedCharsets.all()));
    private final ListView<String> hex = new ListView<>();
    private final TextArea text = new TextArea();
    private final Label textNote = new Label();
    private final Label size = new Label();
    private final Button copyHex = new Button("Hex");
    private final Button copyText = new Button("Text");
    private final Button copyC = new Button("C array");
    private final Button copyJava = new Button("Java array");
    private final VBox root;

    public PayloadInspector(Subscriptions subscriptions) {
        charsetBox.setId("payloadCharset");
        charsetBox.setValue(StandardCharsets.UTF_8);
        charsetBox.setTooltip(new Tooltip("How bytes are decoded for the text view and the timeline previews"));

        hex.setId("payloadHex");
        hex.getStyleClass().addAll("mono", "hex-dump");
        hex.setFixedCellSize(20);
        hex.setPlaceholder(placeholder("Select a data row (↓ or ↑) to see its bytes"));

        text.setId("payloadText");
        text.getStyleClass().addAll("mono", "payload-text");
        text.setEditable(false);
        text.setWrapText(true);
        text.setPromptText("Decoded text of the selected row");

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
        copyHex.setTooltip(new Tooltip("Copy the bytes as hex (de ad be ef)"));
        copyText.setTooltip(new Tooltip("Copy the bytes decoded with the selected charset"));
        copyC.setTooltip(new Tooltip("Copy as a C array: unsigned char data[] = { 0xde, ... }"));
        copyJava.setTooltip(new Tooltip("Copy as a Java array: byte[] data = { (byte) 0xde, ... }"));
        copyHex.setOnAction(event -> copy(HexCodec::format));
        copyText.setOnAction(event -> copy(bytes -> ByteText.decode(bytes, charset())));
        copyC.setOnAction(event -> copy(ByteArrayLiterals::c));
        copyJava.setOnAction(event -> copy(ByteArrayLiterals::java));
        for (Button button : new Button[]{copyHex, copyText, copyC, copyJava}) {
            button.getStyleClass().add("small-button");
        }

        Label copyLabel = new Label("Copy as");
        copyLabel.getStyleClass().add("muted-label");
        Label charsetLabel = new Label("Charset");
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
        SplitPane split = new SplitPane(hex, textBox);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.66);
        // Narrow enough for the traffic area beside the client list and a socket panel in a 1024 px window; the
        // hex lines scroll sideways.
        hex.setMinWidth(240);
        textBox.setMinWidth(120);
        split.getStyleClass().add("inspector-split");

        root = new VBox(bar, split);
        root.getStyleClass().add("payload-inspector");
        VBox.setVgrow(split, Priority.ALWAYS);

        subscriptions.subscribe(row, ignored -> refresh());
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
        if (!hasData) {
            hex.setItems(FXCollections.emptyObservableList());
            text.setText(current == null ? "" : EventText.preview(current.event(), charset()));
            size.setText(current == null ? "No row selected" : "No payload: " + EventText.kind(current.event()));
            showNote("");
            return;
        }
        hex.setItems(new HexLines(ByteSource.of(bytes)));
        int shown = Math.min(bytes.length, TEXT_LIMIT);
        text.setText(ByteText.decode(bytes, 0, shown, charset()));
        size.setText(String.format(Locale.ROOT, "%,d bytes", bytes.length)
                + (current.event() instanceof BytesReceived received && received.reads() > 1
                ? " · joined from " + received.reads() + " reads" : ""));
        showNote(shown < bytes.length
                ? String.format(Locale.ROOT, "showing first 64 KiB of %,d bytes (copy for all)", bytes.length) : "");
    }

    private void showNote(String note) {
        textNote.setText(note);
        textNote.setVisible(!note.isEmpty());
        textNote.setManaged(!note.isEmpty());
    }

    private void copy(Function<byte[], String> format) {
        TimelineRow current = row.get();
        byte[] bytes = current == null ? null : EventText.payload(current.event());
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
    public ObjectProperty<Charset> charsetProperty() {
        return charsetBox.valueProperty();
    }

    public ListView<String> hexView() {
        return hex;
    }

    public TextArea textView() {
        return text;
    }
}
