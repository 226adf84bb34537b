package com.socketworkbench.ui.scenario;

import static com.socketworkbench.ui.scenario.ScenarioTab.TEXT;

import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.fx.Tips;
import com.socketworkbench.ui.tab.TabLayout;
import com.socketworkbench.ui.tab.TabNotifier;
import com.socketworkbench.ui.tab.TabView;
import com.socketworkbench.ui.traffic.TrafficPane;

import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.nio.file.Path;

/**
 * The Scenario tab's layout (root id {@code scenario}): Open ({@code #scenarioOpen}), Save ({@code #scenarioSave}),
 * Save As ({@code #scenarioSaveAs}), Run/Stop ({@code #scenarioRun}), the file's name ({@code #scenarioFile}) and the
 * run's summary ({@code #scenarioSummary}) on top; the YAML editor ({@code #scenarioEditor}) with the validation
 * error under it ({@code #scenarioError}, line and column; the caret goes there) beside the step list
 * ({@code #scenarioSteps}); the tab's timeline below.
 */
public final class ScenarioView implements TabView {
    private final ScenarioModel model;
    private final BorderPane root;
    private final TextArea editor = new TextArea();
    private final ListView<StepRow> steps = new ListView<>();
    private final TrafficPane traffic;
    private final TabNotifier notifier;
    private ScenarioFileChooser files = ScenarioFileChooser.system();

    public ScenarioView(ScenarioModel model, Subscriptions subscriptions) {
        this.model = model;
        editor.setId("scenarioEditor");
        editor.getStyleClass().addAll("mono", "scenario-editor");
        editor.setPromptText(TEXT.get("editor.prompt"));
        subscriptions.bindBidirectional(editor.textProperty(), model.textProperty());
        Label error = TabLayout.errorLabel("scenarioError", model.errorProperty(), subscriptions);
        error.getStyleClass().add("scenario-error");
        // The model sets the message after its line and column, so this sees all three.
        subscriptions.subscribe(model.errorProperty(), message -> moveCaretToError());
        VBox.setVgrow(editor, Priority.ALWAYS);
        VBox editorBox = new VBox(4, editor, error);

        steps.setId("scenarioSteps");
        steps.getStyleClass().add("scenario-steps");
        steps.setItems(model.rows());
        steps.setCellFactory(list -> new StepCell());
        steps.setPlaceholder(new Label(TEXT.get("steps.placeholder")));

        SplitPane top = new SplitPane(editorBox, steps);
        top.setDividerPositions(0.45);
        traffic = new TrafficPane(model.traffic(), TEXT.get("traffic.placeholder"), subscriptions);
        SplitPane main = new SplitPane(top, traffic.split());
        main.setOrientation(Orientation.VERTICAL);
        main.setDividerPositions(0.5);

        notifier = new TabNotifier(main);
        model.setOnProblem(notifier::showError);
        model.traffic().setOnFailure(notifier::showError);
        root = TabLayout.root("scenario", ScenarioView.class, "scenario.css", toolbar(subscriptions),
                notifier.pane(), null);
    }

    private Node toolbar(Subscriptions subscriptions) {
        Button open = button("scenarioOpen", TEXT.get("open"), TEXT.get("open.tooltip"));
        open.setOnAction(event -> files.chooseOpen(root, folder()).ifPresent(model::open));
        Button save = button("scenarioSave", TEXT.get("save"), TEXT.get("save.tooltip"));
        save.setOnAction(event -> save(false));
        Button saveAs = button("scenarioSaveAs", TEXT.get("saveAs"), TEXT.get("saveAs.tooltip"));
        saveAs.setOnAction(event -> save(true));
        Button run = button("scenarioRun", TEXT.get("run"), TEXT.get("run.tooltip"));
        run.getStyleClass().addAll("accent", "start-stop");
        run.setOnAction(event -> {
            if (model.isRunning()) {
                model.stopRun();
            } else {
                model.run();
            }
        });
        subscriptions.subscribe(model.runningProperty(), on -> {
            run.setText(TEXT.get(on ? "stop" : "run"));
            run.getStyleClass().removeAll("accent", "danger");
            run.getStyleClass().add(on ? "danger" : "accent");
        });
        // A file cannot change under a run: the run reads the text it was started with, the file is the user's.
        subscriptions.bind(open.disableProperty(), model.runningProperty());

        Label file = new Label();
        file.setId("scenarioFile");
        file.getStyleClass().add("scenario-file");
        file.setMinWidth(Region.USE_PREF_SIZE);
        subscriptions.bind(file.textProperty(), Bindings.createStringBinding(() -> model.fileProperty().get() == null
                ? TEXT.get("file.none") : model.fileProperty().get().getFileName().toString(), model.fileProperty()));
        Label summary = TabLayout.stateBadge("scenarioSummary", "scenario-summary", model.summaryProperty(),
                model.runningProperty(), subscriptions);
        TabLayout.showWhen(summary, Bindings.isNotEmpty(model.summaryProperty()), subscriptions);
        summary.setWrapText(true);
        return TabLayout.settingsBar(open, save, saveAs, file, run, summary);
    }

    private static Button button(String id, String text, String tooltip) {
        Button button = new Button(text);
        button.setId(id);
        button.setMinWidth(Region.USE_PREF_SIZE);
        Tips.install(button, tooltip);
        return button;
    }

    private void save(boolean choose) {
        Path current = model.fileProperty().get();
        if (current != null && !choose) {
            model.save(current);
            return;
        }
        String name = current == null ? TEXT.get("file.untitled") : current.getFileName().toString();
        files.chooseSave(root, folder(), name).ifPresent(model::save);
    }

    private Path folder() {
        Path current = model.fileProperty().get();
        return current == null ? null : current.toAbsolutePath().getParent();
    }

    /** Puts the caret at the validation error's line and column, so the user types where the problem is. */
    private void moveCaretToError() {
        int line = model.errorLineProperty().get();
        if (line <= 0 || model.errorProperty().get().isEmpty()) {
            return;
        }
        String text = editor.getText();
        int offset = 0;
        for (int l = 1; l < line && offset >= 0; l++) {
            offset = text.indexOf('\n', offset);
            offset = offset < 0 ? -1 : offset + 1;
        }
        if (offset < 0) {
            offset = text.length();
        }
        int lineEnd = text.indexOf('\n', offset);
        int column = Math.max(0, model.errorColumnProperty().get() - 1);
        editor.positionCaret(Math.min(offset + column, lineEnd < 0 ? text.length() : lineEnd));
        editor.requestFocus();
    }

    /** Replaces the file chooser (UI tests answer from a script). */
    public void setFileChooser(ScenarioFileChooser chooser) {
        files = chooser;
    }

    public TrafficPane traffic() {
        return traffic;
    }

    public TabNotifier notifier() {
        return notifier;
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void dispose() {
        notifier.dispose();
    }
}
