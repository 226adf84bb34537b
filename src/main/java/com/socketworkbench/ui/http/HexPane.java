package com.socketworkbench.ui.http;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.engine.codec.ByteSource;
import com.socketworkbench.engine.codec.HexDump;
import com.socketworkbench.ui.fx.Tips;
import com.socketworkbench.ui.traffic.HexLines;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

import java.util.Locale;

/**
 * A hex dump of any size: a virtualised list that formats only the visible lines ({@link HexLines}), a
 * "Go to offset" field, and one marked byte (a verdict's or header's offset) highlighted in both columns.
 */
final class HexPane {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.http.http");
    static final double CELL_HEIGHT = 20;

    private final ListView<String> list = new ListView<>();
    private final TextField gotoField = new TextField();
    private final Label gotoMessage = new Label();
    private final Label size = new Label();
    private final VBox root;
    private ByteSource source;
    private long marked = -1;

    /**
     * @param idPrefix ids are {@code <prefix>} for the list, {@code <prefix>Goto} and {@code <prefix>GotoMessage}
     */
    HexPane(String listId, String idPrefix, String placeholder) {
        list.setId(listId);
        list.getStyleClass().addAll("mono", "hex-dump");
        // Fixed heights let the list jump to line 3,000,000 of a 50 MB body without measuring the lines before it.
        list.setFixedCellSize(CELL_HEIGHT);
        list.setCellFactory(view -> new MarkedLineCell());
        Label empty = new Label(placeholder);
        empty.getStyleClass().add("placeholder-label");
        empty.setWrapText(true);
        list.setPlaceholder(empty);

        gotoField.setId(idPrefix + "Goto");
        gotoField.setPromptText(TEXT.get("hex.goto.prompt"));
        gotoField.setPrefColumnCount(9);
        Tips.install(gotoField, TEXT.get("hex.goto.tooltip"));
        gotoField.setOnAction(event -> goTo());
        gotoField.textProperty().addListener((obs, old, now) -> showMessage(""));
        Button go = new Button(TEXT.get("hex.goto.button"));
        go.setId(idPrefix + "GotoButton");
        go.getStyleClass().add("small-button");
        go.setOnAction(event -> goTo());
        gotoMessage.setId(idPrefix + "GotoMessage");
        gotoMessage.getStyleClass().add("field-error");
        size.getStyleClass().add("hex-size");
        size.setId(idPrefix + "Size");

        Label gotoLabel = new Label(TEXT.get("hex.goto.label"));
        gotoLabel.getStyleClass().add("muted-label");
        gotoLabel.setMinWidth(Region.USE_PREF_SIZE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox toolbar = new HBox(6, size, gotoMessage, spacer, gotoLabel, gotoField, go);
        toolbar.setAlignment(Pos.CENTER_LEFT);
        toolbar.getStyleClass().add("hex-toolbar");
        root = new VBox(toolbar, list);
        VBox.setVgrow(list, Priority.ALWAYS);
        setSource(null);
    }

    /** Shows {@code bytes} (null for none), unmarked and scrolled to the top. */
    void setSource(ByteSource bytes) {
        source = bytes;
        marked = -1;
        showMessage("");
        if (bytes == null) {
            list.setItems(FXCollections.emptyObservableList());
            size.setText("");
            return;
        }
        list.setItems(new HexLines(bytes));
        list.scrollTo(0);
        size.setText(TEXT.get("hex.size", String.format(Locale.ROOT, "%,d", bytes.length())));
    }

    /** Scrolls to the line holding {@code offset}, selects it and highlights the byte. */
    void mark(long offset) {
        if (source == null || source.length() == 0) {
            return;
        }
        marked = Math.max(0, Math.min(offset, source.length() - 1));
        int line = (int) Math.min(Integer.MAX_VALUE, marked / HexDump.BYTES_PER_LINE);
        list.getSelectionModel().clearAndSelect(line);
        list.scrollTo(Math.max(0, line - 3));
        list.refresh();
        showMessage("");
    }

    private void goTo() {
        if (source == null) {
            showMessage(TEXT.get("hex.goto.nothing"));
            return;
        }
        try {
            mark(Offsets.parse(gotoField.getText(), source.length()));
        } catch (IllegalArgumentException e) {
            showMessage(e.getMessage());
        }
    }

    private void showMessage(String text) {
        gotoMessage.setText(text);
        gotoMessage.setVisible(!text.isEmpty());
        gotoMessage.setManaged(!text.isEmpty());
    }

    VBox view() {
        return root;
    }

    /** A dump line; the line with the marked byte shows that byte highlighted in the hex and the ASCII column. */
    private final class MarkedLineCell extends ListCell<String> {
        @Override
        protected void updateItem(String line, boolean empty) {
            super.updateItem(line, empty);
            getStyleClass().remove("marked-line");
            if (empty || line == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            long lineStart = (long) getIndex() * HexDump.BYTES_PER_LINE;
            if (marked < lineStart || marked >= lineStart + HexDump.BYTES_PER_LINE) {
                setGraphic(null);
                setText(line);
                return;
            }
            getStyleClass().add("marked-line");
            int column = (int) (marked - lineStart);
            int offsetWidth = line.indexOf(' ');
            int hexAt = offsetWidth + 2 + column * 3;
            int asciiAt = line.indexOf('|') + 1 + column;
            setText(null);
            setGraphic(flow(line, hexAt, asciiAt));
        }

        private TextFlow flow(String line, int hexAt, int asciiAt) {
            if (hexAt + 2 > line.length() || asciiAt >= line.length() || asciiAt <= hexAt) {
                return new TextFlow(plain(line));
            }
            return new TextFlow(plain(line.substring(0, hexAt)), marked(line.substring(hexAt, hexAt + 2)),
                    plain(line.substring(hexAt + 2, asciiAt)), marked(line.substring(asciiAt, asciiAt + 1)),
                    plain(line.substring(asciiAt + 1)));
        }

        private static Text plain(String text) {
            Text node = new Text(text);
            node.getStyleClass().add("hex-text");
            return node;
        }

        private static Text marked(String text) {
            Text node = new Text(text);
            node.getStyleClass().addAll("hex-text", "hex-marked");
            return node;
        }
    }
}
