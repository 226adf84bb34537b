package com.socketworkbench.ui.tls;

import static com.socketworkbench.ui.tls.TlsTexts.TEXT;

import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.fx.Tips;
import com.socketworkbench.ui.input.FieldMessage;
import com.socketworkbench.ui.input.InputVerdict;
import javafx.beans.value.ObservableObjectValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * A file the TLS setup reads, as a field: the path typed ({@code id}), a "…" button ({@code id + "Choose"}) that fills
 * it from a {@link TlsFileChooser}, and a label ({@code id + "Message"}) with the verdict, shown where it was typed.
 * The TLS panels use it, and so do the tabs that only take a CA file (HTTP, WebSocket).
 */
public final class TlsFileField {
    private final TextField field = new TextField();
    private final Label message = new Label();
    private final HBox node;

    /**
     * @param verdict what the message shows: the input's own, or one that also says when a file is required
     * @param chooser asked when "…" is pressed (tests hand in one that answers with their own files)
     */
    public TlsFileField(String id, TlsFileInput input, ObservableObjectValue<InputVerdict> verdict, int columns,
                        String prompt, String tooltip, Supplier<TlsFileChooser> chooser, Subscriptions subscriptions) {
        field.setId(id);
        field.setPrefColumnCount(columns);
        field.setPromptText(prompt);
        Tips.install(field, tooltip);
        subscriptions.bindBidirectional(field.textProperty(), input.textProperty());
        message.setId(id + "Message");
        message.setWrapText(true);
        FieldMessage.show(field, message, verdict, subscriptions);
        Button choose = new Button(TEXT.get("choose"));
        choose.setId(id + "Choose");
        choose.getStyleClass().add("small-button");
        Tips.install(choose, TEXT.get("choose.tooltip"));
        // "…" alone says nothing to a screen reader.
        choose.setAccessibleText(TEXT.get("choose.tooltip"));
        choose.setOnAction(event -> chooser.get().open(window()).map(Path::toString)
                .ifPresent(input.textProperty()::set));
        node = new HBox(2, field, choose);
        node.setAlignment(Pos.CENTER_LEFT);
    }

    /** A CA file field with the verdict that counts for its tab and the wording every CA file field shares. */
    public static TlsFileField caFile(String id, CaFileInput input, Supplier<TlsFileChooser> chooser,
                                      Subscriptions subscriptions) {
        return new TlsFileField(id, input.fileInput(), input.verdictProperty(), 14, TEXT.get("ca.file.prompt"),
                TEXT.get("ca.file.tooltip"), chooser, subscriptions);
    }

    /** The field and its button behind the caption every CA file field has ("Extra CA"). */
    public HBox captionedAsCaFile() {
        return TlsFields.labelled(TEXT.get("ca.file"), node);
    }

    private Window window() {
        return node.getScene() == null ? null : node.getScene().getWindow();
    }

    /** The field and its button, side by side. */
    public HBox node() {
        return node;
    }

    public TextField field() {
        return field;
    }

    /** The verdict's label; the owner puts it in its row of messages. */
    public Label message() {
        return message;
    }
}
