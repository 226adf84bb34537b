package com.socketworkbench.ui.http;

import com.socketworkbench.engine.text.Texts;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.tab.TabLayout;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The curl paste area under the HTTP target bar ({@code curlText}, {@code curlApply}, {@code curlClose},
 * {@code curlMessage}), hidden until the Import curl button asks for it. A command that imports cleanly closes it; one
 * with options the composer cannot take keeps it open with the message naming them.
 */
final class CurlImportPane {
    private static final Texts TEXT = Texts.bundle("com.socketworkbench.ui.http.http");

    private final TextArea curlText = new TextArea();
    private final VBox pane = new VBox(4);

    CurlImportPane(HttpViewModel model, Subscriptions subscriptions) {
        curlText.setId("curlText");
        curlText.getStyleClass().add("mono");
        curlText.setPrefRowCount(4);
        curlText.setWrapText(true);
        curlText.setPromptText(TEXT.get("curl.prompt"));
        subscriptions.listen(curlText.textProperty(), (obs, old, now) -> model.clearCurlMessage());
        Button apply = new Button(TEXT.get("curl.apply"));
        apply.setId("curlApply");
        apply.getStyleClass().add("small-button");
        apply.setOnAction(event -> {
            if (model.importCurl(curlText.getText()) && model.curlMessageProperty().get().isEmpty()) {
                curlText.clear();
                show(false);
            }
        });
        subscriptions.bind(apply.disableProperty(), model.busyProperty());
        Button close = new Button(TEXT.get("curl.close"));
        close.setId("curlClose");
        close.getStyleClass().add("small-button");
        close.setOnAction(event -> {
            model.clearCurlMessage();
            show(false);
        });
        Label message = TabLayout.errorLabel("curlMessage", model.curlMessageProperty(), subscriptions);
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        HBox buttons = new HBox(6, apply, close);
        buttons.setAlignment(Pos.CENTER_LEFT);
        pane.getChildren().setAll(curlText, buttons, message);
        pane.getStyleClass().add("curl-pane");
        show(false);
    }

    Node node() {
        return pane;
    }

    /** Opens the area with the cursor in it, or closes it. */
    void toggle() {
        show(!pane.isVisible());
        if (pane.isVisible()) {
            curlText.requestFocus();
        }
    }

    private void show(boolean shown) {
        pane.setVisible(shown);
        pane.setManaged(shown);
    }
}
