package com.socketworkbench.ui.messages;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.engine.codec.PayloadFormat;
import com.socketworkbench.workspace.SavedMessage;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * One message in the list: its name (with its Ctrl+N shortcut for the first nine shown) over a one-line preview; its
 * note, format and charset as a tooltip. A double-click sends it; dragging it onto another message moves it there.
 */
final class MessageCell extends ListCell<SavedMessage> {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.messages.messages");
    /** The message being dragged from this panel's list, shared by its cells. */
    private final AtomicReference<SavedMessage> dragged;
    private final Label name = new Label();
    private final Label shortcut = new Label();
    private final Label preview = new Label();
    private final VBox graphic;
    private final Tooltip tooltip = new Tooltip();

    MessageCell(Consumer<SavedMessage> send, BiConsumer<SavedMessage, SavedMessage> move,
                AtomicReference<SavedMessage> dragged) {
        this.dragged = dragged;
        name.getStyleClass().add("message-name");
        name.setMinWidth(0);
        shortcut.getStyleClass().add("message-shortcut");
        shortcut.setMinWidth(Region.USE_PREF_SIZE);
        preview.getStyleClass().addAll("message-preview", "mono");
        preview.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(6, name, spacer, shortcut);
        top.setAlignment(Pos.CENTER_LEFT);
        graphic = new VBox(1, top, preview);
        graphic.setMinWidth(0);
        getStyleClass().add("message-cell");
        // A long name or preview is cut with "…" at the list's width instead of widening the list (a horizontal
        // scroll bar for one long message hides the rest).
        setPrefWidth(0);
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(420);

        setOnMouseClicked(event -> {
            if (event.getButton() == MouseButton.PRIMARY && event.getClickCount() == 2 && getItem() != null) {
                send.accept(getItem());
                event.consume();
            }
        });
        setOnDragDetected(event -> {
            if (getItem() != null) {
                dragged.set(getItem());
                ClipboardContent content = new ClipboardContent();
                content.putString(getItem().name());
                startDragAndDrop(TransferMode.MOVE).setContent(content);
                event.consume();
            }
        });
        setOnDragOver(event -> {
            if (dragged.get() != null && getItem() != null && getItem() != dragged.get()) {
                event.acceptTransferModes(TransferMode.MOVE);
            }
            event.consume();
        });
        setOnDragDropped(event -> {
            SavedMessage source = dragged.get();
            boolean moved = source != null && getItem() != null && getItem() != source;
            if (moved) {
                move.accept(source, getItem());
            }
            event.setDropCompleted(moved);
            event.consume();
        });
        setOnDragDone(event -> dragged.set(null));
    }

    @Override
    protected void updateItem(SavedMessage message, boolean empty) {
        super.updateItem(message, empty);
        if (empty || message == null) {
            setGraphic(null);
            setTooltip(null);
            return;
        }
        name.setText(message.name());
        int index = getIndex();
        shortcut.setText(index < 9 ? TEXT.get("cell.shortcut", index + 1) : "");
        preview.setText(MessagePreview.of(message));
        tooltip.setText((message.note().isEmpty() ? "" : message.note() + "\n\n")
                + (message.format() == PayloadFormat.TEXT
                        ? TEXT.get("cell.tooltip.text", message.format(), message.charset(),
                                message.lineEnding().name())
                        : TEXT.get("cell.tooltip.hex", message.format()))
                + (message.fields() ? "\n" + TEXT.get("cell.tooltip.fields") : ""));
        setTooltip(tooltip);
        setGraphic(graphic);
    }
}
