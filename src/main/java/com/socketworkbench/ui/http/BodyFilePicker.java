package com.socketworkbench.ui.http;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.engine.http.RequestBody;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.fx.Tips;
import com.socketworkbench.ui.tab.TabLayout;
import com.socketworkbench.ui.traffic.Formats;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import java.io.File;

/**
 * Body from a file ({@code bodyFile}): the chosen file and its size ({@code bodyFileInfo}), a button that goes back
 * to the editor's body ({@code clearBodyFile}) and why a file was refused ({@code bodyFileMessage}). The file is
 * streamed when the request is sent, so it may be far larger than the heap.
 */
final class BodyFilePicker {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.http.http");
    private final VBox root;

    BodyFilePicker(HttpViewModel model, Subscriptions subscriptions) {
        BodyFileChoice choice = model.bodyFile();
        Button pick = new Button(TEXT.get("bodyFile.pick"));
        pick.setId("bodyFile");
        pick.getStyleClass().add("small-button");
        pick.setMinWidth(Region.USE_PREF_SIZE);
        Tips.install(pick, TEXT.get("bodyFile.pick.tooltip"));
        pick.setOnAction(event -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(TEXT.get("bodyFile.chooser"));
            File file = chooser.showOpenDialog(pick.getScene().getWindow());
            if (file != null) {
                choice.choose(file.toPath());
            }
        });

        Label info = new Label();
        info.setId("bodyFileInfo");
        info.getStyleClass().add("muted-label");
        info.setMinWidth(0);
        subscriptions.bind(info.textProperty(), Bindings.createStringBinding(
                () -> describe(choice.chosenProperty().get()), choice.chosenProperty()));

        Button clear = new Button(TEXT.get("bodyFile.clear"));
        clear.setId("clearBodyFile");
        clear.getStyleClass().add("small-button");
        clear.setMinWidth(Region.USE_PREF_SIZE);
        clear.setOnAction(event -> choice.clear());
        TabLayout.showWhen(clear, choice.chosenProperty().isNotNull(), subscriptions);
        for (Button button : new Button[]{pick, clear}) {
            subscriptions.bind(button.disableProperty(), model.busyProperty());
        }

        HBox row = new HBox(8, pick, info, clear);
        row.setAlignment(Pos.CENTER_LEFT);
        root = new VBox(4, row, TabLayout.errorLabel("bodyFileMessage", choice.messageProperty(), subscriptions));
        root.getStyleClass().add("body-file");
    }

    private static String describe(RequestBody.FileBody file) {
        return file == null ? TEXT.get("bodyFile.none")
                : TEXT.get("bodyFile.info", file.file().getFileName(), Formats.bytes(file.length()));
    }

    Node view() {
        return root;
    }
}
