package com.socketworkbench.ui.repeat;

import com.socketworkbench.ui.fx.Tips;
import com.socketworkbench.ui.tab.SidePanels;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.tab.TabLayout;
import com.socketworkbench.ui.traffic.SendEditor;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * A socket tab's periodic send panel ({@code repeatSend}), opened with {@link #toggle()} ({@code repeatSendToggle})
 * under Send: interval ({@code repeatInterval}) and its unit ({@code repeatUnit}), count ({@code repeatTimes}) or
 * until stopped ({@code repeatUntilStopped}), jitter in ± ms ({@code repeatJitter}), each with its message
 * ({@code repeatIntervalMessage}, {@code repeatTimesMessage}, {@code repeatJitterMessage}); Start/Stop
 * ({@code repeatStart}), the live sent counter ({@code repeatCount}), how the last run ended ({@code repeatStatus})
 * and Hide ({@code closeRepeatSend}).
 */
public final class RepeatSendPanel {
    public static final double WIDTH = 300;

    private final RepeatSendModel model;
    private final ToggleButton toggle = SidePanels.toggle("repeatSendToggle", RepeatTexts.TEXT.get("panel.toggle"),
            RepeatTexts.TEXT.get("panel.toggle.tooltip"));
    private final ScrollPane root;

    public RepeatSendPanel(RepeatSendModel model, Subscriptions subscriptions) {
        this.model = model;
        Label about = new Label(RepeatTexts.TEXT.get("panel.about"));
        about.setWrapText(true);
        about.getStyleClass().add("muted-label");
        about.setMinHeight(Region.USE_PREF_SIZE);

        VBox content = new VBox(6, SidePanels.header(RepeatTexts.TEXT.get("panel.title"), "closeRepeatSend",
                RepeatTexts.TEXT.get("panel.close.tooltip"), toggle), about,
                intervalRow(subscriptions), TabLayout.errorLabel("repeatIntervalMessage",
                        model.intervalErrorProperty(), subscriptions),
                countRow(subscriptions), TabLayout.errorLabel("repeatTimesMessage",
                        model.countErrorProperty(), subscriptions),
                jitterRow(subscriptions), TabLayout.errorLabel("repeatJitterMessage",
                        model.jitterErrorProperty(), subscriptions),
                startRow(subscriptions), status(subscriptions));
        content.getStyleClass().add("messages-panel-content");
        root = SidePanels.scrolling("repeatSend", content, WIDTH);
    }

    private Node intervalRow(Subscriptions subscriptions) {
        TextField interval = SidePanels.field("repeatInterval", RepeatTexts.TEXT.get("interval.tooltip"), 6);
        subscriptions.bindBidirectional(interval.textProperty(), model.intervalProperty());
        ComboBox<IntervalUnit> unit = new ComboBox<>(FXCollections.observableArrayList(IntervalUnit.values()));
        unit.setId("repeatUnit");
        Tips.install(unit, RepeatTexts.TEXT.get("unit.tooltip"));
        unit.setMinWidth(Region.USE_PREF_SIZE);
        subscriptions.bindBidirectional(unit.valueProperty(), model.unitProperty());
        lockWhileRunning(subscriptions, interval, unit);
        return SidePanels.line(SendEditor.labelled(RepeatTexts.TEXT.get("interval"), interval), unit);
    }

    private Node countRow(Subscriptions subscriptions) {
        TextField times = SidePanels.field("repeatTimes", RepeatTexts.TEXT.get("times.tooltip"), 6);
        subscriptions.bindBidirectional(times.textProperty(), model.countProperty());
        CheckBox untilStopped = new CheckBox(RepeatTexts.TEXT.get("until.stopped"));
        untilStopped.setId("repeatUntilStopped");
        untilStopped.setMinWidth(Region.USE_PREF_SIZE);
        subscriptions.bindBidirectional(untilStopped.selectedProperty(), model.untilStoppedProperty());
        subscriptions.bind(times.disableProperty(), model.untilStoppedProperty().or(model.runningProperty()));
        subscriptions.bind(untilStopped.disableProperty(), model.runningProperty());
        return SidePanels.line(SendEditor.labelled(RepeatTexts.TEXT.get("times"), times), untilStopped);
    }

    private Node jitterRow(Subscriptions subscriptions) {
        TextField jitter = SidePanels.field("repeatJitter", RepeatTexts.TEXT.get("jitter.tooltip"), 6);
        subscriptions.bindBidirectional(jitter.textProperty(), model.jitterProperty());
        lockWhileRunning(subscriptions, jitter);
        Label unit = new Label(RepeatTexts.TEXT.get("unit.ms"));
        unit.getStyleClass().add("field-caption");
        return SidePanels.line(SendEditor.labelled(RepeatTexts.TEXT.get("jitter"), jitter), unit);
    }

    private Node startRow(Subscriptions subscriptions) {
        Button start = new Button();
        start.setId("repeatStart");
        start.setMinWidth(Region.USE_PREF_SIZE);
        Tips.install(start, RepeatTexts.TEXT.get("start.tooltip"));
        start.setOnAction(event -> model.toggle());
        subscriptions.subscribe(model.runningProperty(), running -> {
            start.setText(RepeatTexts.TEXT.get(running ? "stop" : "start"));
            start.getStyleClass().removeAll("accent", "danger");
            start.getStyleClass().add(running ? "danger" : "accent");
        });
        Label counter = new Label();
        counter.setId("repeatCount");
        counter.setMinWidth(Region.USE_PREF_SIZE);
        subscriptions.bind(counter.textProperty(), Bindings.createStringBinding(() -> RepeatTexts.TEXT.get(
                RepeatSendModel.counted("count", model.sentProperty().get()), model.sentProperty().get()),
                model.sentProperty()));
        return SidePanels.line(start, counter);
    }

    private Node status(Subscriptions subscriptions) {
        return SidePanels.statusLabel("repeatStatus", model.status(), subscriptions);
    }

    private void lockWhileRunning(Subscriptions subscriptions, Node... nodes) {
        SidePanels.disableWhile(model.runningProperty(), subscriptions, nodes);
    }

    /** Adds the panel to {@code split} while its toggle is selected. */
    public void attachTo(SplitPane split, Subscriptions subscriptions) {
        SidePanels.attach(split, root, toggle, WIDTH, subscriptions);
    }

    public ToggleButton toggle() {
        return toggle;
    }

    public RepeatSendModel model() {
        return model;
    }

    public Node view() {
        return root;
    }
}
