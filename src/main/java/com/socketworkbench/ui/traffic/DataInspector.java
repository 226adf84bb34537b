package com.socketworkbench.ui.traffic;

import com.socketworkbench.engine.codec.HexCodec;
import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.ui.fx.Tips;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.util.EnumMap;
import java.util.Map;

/**
 * The data inspector ({@code dataInspector}) beside the hex dump: the bytes selected there read as every
 * {@link DataValues.Type} in both byte orders, as bits and as text in the inspector's charset; {@code copySelection}
 * copies the selected bytes as hex. Each value label has the id {@code data-<type>-be} / {@code data-<type>-le}
 * ({@code data-bits}, {@code data-text}), and the selection's extent is in {@code dataSelection}.
 */
final class DataInspector {
    private static final Texts TEXT = TrafficTexts.TEXT;

    private static final double NAME_WIDTH = 104;
    private static final double VALUE_WIDTH = 190;

    private final Label selectionLabel = new Label();
    private final Map<DataValues.Type, Label> bigEndian = new EnumMap<>(DataValues.Type.class);
    private final Map<DataValues.Type, Label> littleEndian = new EnumMap<>(DataValues.Type.class);
    private final Label bits = value("data-bits");
    private final Label textLabel = new Label();
    private final Label text = value("data-text");
    private final Button copy = new Button(TEXT.get("data.copy"));
    private final VBox root;
    private byte[] selection = new byte[0];

    DataInspector() {
        selectionLabel.setId("dataSelection");
        selectionLabel.getStyleClass().add("muted-label");
        selectionLabel.setWrapText(true);
        copy.setId("copySelection");
        copy.getStyleClass().add("small-button");
        Tips.install(copy, TEXT.get("data.copy.tip"));
        copy.setOnAction(event -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(HexCodec.format(selection));
            Clipboard.getSystemClipboard().setContent(content);
        });

        // Rows of fixed-width labels rather than a grid: a GridPane measured every value (and its spans) at each
        // layout pass, a cost every tab paid whether or not anything was selected.
        VBox grid = new VBox(2);
        grid.getStyleClass().add("data-inspector-grid");
        grid.getChildren().add(row(header(TEXT.get("data.type")), header(TEXT.get("data.big")),
                header(TEXT.get("data.little"))));
        for (DataValues.Type type : DataValues.Type.values()) {
            String id = "data-" + type.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            Label be = value(id + "-be");
            Label le = value(id + "-le");
            bigEndian.put(type, be);
            littleEndian.put(type, le);
            grid.getChildren().add(row(name(type.label()), be, le));
        }
        grid.getChildren().add(row(name(TEXT.get("data.bits")), bits));
        grid.getChildren().addAll(textLabel, text);
        textLabel.getStyleClass().add("muted-label");
        text.setWrapText(true);

        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("data-inspector-scroll");
        VBox.setVgrow(scroll, Priority.ALWAYS);
        copy.setMinWidth(Region.USE_PREF_SIZE);
        selectionLabel.setMinHeight(Region.USE_PREF_SIZE);
        // The title is the tab's; the copy button and the extent wrap in a narrow pane rather than being cut.
        FlowPane head = new FlowPane(8, 4, copy, selectionLabel);
        root = new VBox(4, head, scroll);
        root.setId("dataInspector");
        root.setAccessibleText(TEXT.get("data.title"));
        root.getStyleClass().add("data-inspector");
        root.setMinWidth(0);
        show(new byte[0], 0, null);
    }

    /**
     * Shows {@code bytes} (the selection, a copy) starting at payload offset {@code start}, text decoded in
     * {@code charset}; an empty selection clears the values.
     */
    void show(byte[] bytes, int start, Charset charset) {
        selection = bytes;
        copy.setDisable(bytes.length == 0);
        if (bytes.length == 0) {
            selectionLabel.setText(TEXT.get("data.selection.none"));
        } else if (bytes.length == 1) {
            selectionLabel.setText(TEXT.get("data.selection.one", start));
        } else {
            selectionLabel.setText(TEXT.get("data.selection", start, start + bytes.length - 1, bytes.length));
        }
        for (DataValues.Type type : DataValues.Type.values()) {
            bigEndian.get(type).setText(bytes.length == 0 ? "" : DataValues.value(bytes, type, ByteOrder.BIG_ENDIAN));
            littleEndian.get(type).setText(bytes.length == 0 ? ""
                    : DataValues.value(bytes, type, ByteOrder.LITTLE_ENDIAN));
        }
        bits.setText(DataValues.bits(bytes));
        textLabel.setText(TEXT.get("data.text", charset == null ? "" : charset.name()));
        text.setText(bytes.length == 0 || charset == null ? "" : DataValues.text(bytes, charset));
    }

    Node view() {
        return root;
    }

    /** One line of the inspector: the name, then the values, each in a column of fixed width. */
    private static HBox row(Label name, Label... values) {
        fix(name, NAME_WIDTH);
        for (Label value : values) {
            fix(value, values.length == 1 ? 2 * VALUE_WIDTH : VALUE_WIDTH);
        }
        HBox row = new HBox(8, name);
        row.getChildren().addAll(values);
        return row;
    }

    private static void fix(Label label, double width) {
        label.setPrefWidth(width);
        label.setMinWidth(width);
        label.setMaxWidth(width);
    }

    private static Label header(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("data-inspector-header");
        return label;
    }

    private static Label name(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("muted-label");
        return label;
    }

    private static Label value(String id) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().addAll("mono", "data-value");
        return label;
    }
}
