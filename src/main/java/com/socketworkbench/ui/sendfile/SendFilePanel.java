package com.socketworkbench.ui.sendfile;

import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.fx.Tips;
import com.socketworkbench.ui.tab.SidePanels;
import com.socketworkbench.ui.tab.TabLayout;
import com.socketworkbench.ui.traffic.SendEditor;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * A socket tab's send file panel ({@code sendFile}), opened with {@link #toggle()} ({@code sendFileToggle}) under
 * Send: the path ({@code sendFilePath}, message {@code sendFilePathMessage}) and Choose… ({@code sendFileChoose}),
 * the rate limit in KiB/s ({@code sendFileRateLimit}, {@code sendFileRateLimitMessage}), in the UDP tab the datagram
 * size ({@code sendFileDatagramSize}, {@code sendFileDatagramSizeMessage}); Start/Cancel ({@code sendFileStart}),
 * the progress bar ({@code sendFileProgress}) with bytes ({@code sendFileBytes}), rate ({@code sendFileRate}) and
 * time left ({@code sendFileEta}), how the last send ended ({@code sendFileStatus}) and Hide
 * ({@code closeSendFile}).
 */
public final class SendFilePanel {
    public static final double WIDTH = 300;

    private final SendFileModel model;
    private final ToggleButton toggle = SidePanels.toggle("sendFileToggle", SendFileTexts.TEXT.get("panel.toggle"),
            SendFileTexts.TEXT.get("panel.toggle.tooltip"));
    private final ScrollPane root;
    private SendFileChooser chooser = SendFileChooser.system();

    public SendFilePanel(SendFileModel model, Subscriptions subscriptions) {
        this.model = model;
        VBox content = new VBox(6, SidePanels.header(SendFileTexts.TEXT.get("panel.title"), "closeSendFile",
                SendFileTexts.TEXT.get("panel.close.tooltip"), toggle),
                fileRow(subscriptions), TabLayout.errorLabel("sendFilePathMessage", model.fileErrorProperty(),
                        subscriptions),
                rateRow(subscriptions), TabLayout.errorLabel("sendFileRateLimitMessage", model.rateErrorProperty(),
                        subscriptions));
        if (model.datagrams()) {
            content.getChildren().addAll(sizeRow(subscriptions), TabLayout.errorLabel("sendFileDatagramSizeMessage",
                    model.sizeErrorProperty(), subscriptions));
        }
        content.getChildren().addAll(startRow(subscriptions), progress(subscriptions), status(subscriptions));
        content.getStyleClass().add("messages-panel-content");
        root = SidePanels.scrolling("sendFile", content, WIDTH);
    }

    private Node fileRow(Subscriptions subscriptions) {
        TextField path = new TextField();
        path.setId("sendFilePath");
        path.setPromptText(SendFileTexts.TEXT.get("file.prompt"));
        Tips.install(path, SendFileTexts.TEXT.get("file.tooltip"));
        subscriptions.bindBidirectional(path.textProperty(), model.fileProperty());
        Button choose = new Button(SendFileTexts.TEXT.get("choose"));
        choose.setId("sendFileChoose");
        choose.getStyleClass().add("small-button");
        choose.setMinWidth(Region.USE_PREF_SIZE);
        Tips.install(choose, SendFileTexts.TEXT.get("choose.tooltip"));
        choose.setOnAction(event -> chooser.choose(window()).ifPresent(model::choose));
        lockWhileRunning(subscriptions, path, choose);
        HBox row = new HBox(6, path, choose);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(path, Priority.ALWAYS);
        return row;
    }

    private Node rateRow(Subscriptions subscriptions) {
        TextField rate = SidePanels.field("sendFileRateLimit", SendFileTexts.TEXT.get("rate.tooltip"), 7);
        subscriptions.bindBidirectional(rate.textProperty(), model.rateLimitProperty());
        lockWhileRunning(subscriptions, rate);
        return SidePanels.line(SendEditor.labelled(SendFileTexts.TEXT.get("rate"), rate),
                caption(SendFileTexts.TEXT.get("rate.unit")));
    }

    private Node sizeRow(Subscriptions subscriptions) {
        TextField size = SidePanels.field("sendFileDatagramSize", SendFileTexts.TEXT.get("size.tooltip"), 7);
        subscriptions.bindBidirectional(size.textProperty(), model.datagramSizeProperty());
        lockWhileRunning(subscriptions, size);
        return SidePanels.line(SendEditor.labelled(SendFileTexts.TEXT.get("size"), size),
                caption(SendFileTexts.TEXT.get("size.unit")));
    }

    private Node startRow(Subscriptions subscriptions) {
        Button start = new Button();
        start.setId("sendFileStart");
        start.setMinWidth(Region.USE_PREF_SIZE);
        Tips.install(start, SendFileTexts.TEXT.get("start.tooltip"));
        start.setOnAction(event -> model.toggle());
        subscriptions.subscribe(model.runningProperty(), running -> {
            start.setText(SendFileTexts.TEXT.get(running ? "cancel" : "start"));
            start.getStyleClass().removeAll("accent", "danger");
            start.getStyleClass().add(running ? "danger" : "accent");
        });
        Label bytes = label("sendFileBytes", subscriptions, model.progressTextProperty());
        return SidePanels.line(start, bytes);
    }

    private Node progress(Subscriptions subscriptions) {
        ProgressBar bar = new ProgressBar(0);
        bar.setId("sendFileProgress");
        bar.setMaxWidth(Double.MAX_VALUE);
        subscriptions.bind(bar.progressProperty(), model.progressProperty());
        Label rate = label("sendFileRate", subscriptions, model.rateTextProperty());
        Label eta = label("sendFileEta", subscriptions, model.etaTextProperty());
        HBox numbers = new HBox(12, rate, eta);
        numbers.setAlignment(Pos.CENTER_LEFT);
        return new VBox(4, bar, numbers);
    }

    private Node status(Subscriptions subscriptions) {
        return SidePanels.statusLabel("sendFileStatus", model.status(), subscriptions);
    }

    private static Label label(String id, Subscriptions subscriptions, ObservableStringValue text) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("muted-label");
        label.setMinWidth(Region.USE_PREF_SIZE);
        subscriptions.bind(label.textProperty(), text);
        return label;
    }

    private static Label caption(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("field-caption");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private void lockWhileRunning(Subscriptions subscriptions, Node... nodes) {
        SidePanels.disableWhile(model.runningProperty(), subscriptions, nodes);
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    /** Replaces the system dialog (tests answer with a file of their own). */
    public void setFileChooser(SendFileChooser chooser) {
        this.chooser = chooser;
    }

    /** Adds the panel to {@code split} while its toggle is selected. */
    public void attachTo(SplitPane split, Subscriptions subscriptions) {
        SidePanels.attach(split, root, toggle, WIDTH, subscriptions);
    }

    public ToggleButton toggle() {
        return toggle;
    }

    public SendFileModel model() {
        return model;
    }

    public Node view() {
        return root;
    }
}
