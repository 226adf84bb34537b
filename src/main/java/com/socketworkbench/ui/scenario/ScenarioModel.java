package com.socketworkbench.ui.scenario;

import static com.socketworkbench.ui.scenario.ScenarioTab.TEXT;

import com.socketworkbench.engine.scenario.Scenario;
import com.socketworkbench.engine.scenario.ScenarioException;
import com.socketworkbench.engine.scenario.ScenarioParser;
import com.socketworkbench.engine.scenario.ScenarioResult;
import com.socketworkbench.engine.scenario.ScenarioRunner;
import com.socketworkbench.engine.scenario.Step;
import com.socketworkbench.engine.text.DurationText;
import com.socketworkbench.ui.fx.Subscriptions;
import com.socketworkbench.ui.fx.UiExecutor;
import com.socketworkbench.ui.tab.AppPreferences;
import com.socketworkbench.ui.tab.SocketTabModel;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * The Scenario tab's state and actions: the YAML text and the file it came from (both kept in the tab's settings),
 * the run in progress, the step rows, the validation error with its line and column, and a one-line summary. The run
 * goes on an executor thread; its progress is read on the tab's pump pulses (ticking while it runs), its traffic goes
 * through the tab's pump into the timeline like any socket tab's. FX thread only.
 */
public final class ScenarioModel extends SocketTabModel {
    /** The step list shows at most this many steps; a file with more still runs whole. */
    static final int MAX_ROWS = 5_000;
    private static final Logger LOG = LoggerFactory.getLogger(ScenarioModel.class);
    private static final String KEY_TEXT = "text";
    private static final String KEY_FILE = "file";

    private final AppPreferences preferences;
    private final UiExecutor executor;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>(this, "file");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
    private final StringProperty error = new SimpleStringProperty(this, "error", "");
    private final IntegerProperty errorLine = new SimpleIntegerProperty(this, "errorLine");
    private final IntegerProperty errorColumn = new SimpleIntegerProperty(this, "errorColumn");
    private final StringProperty summary = new SimpleStringProperty(this, "summary", "");
    private final ObservableList<StepRow> rows = FXCollections.observableArrayList();
    private Consumer<String> onProblem = message -> { };
    private ScenarioRunner runner;
    private ScenarioProgress progress;

    public ScenarioModel(AppPreferences preferences, UiExecutor executor, Subscriptions subscriptions) {
        this.preferences = preferences;
        this.executor = executor;
        text.set(preferences.get(KEY_TEXT, ""));
        String saved = preferences.get(KEY_FILE, "");
        file.set(saved.isEmpty() ? null : Path.of(saved));
        traffic().status().setState(TEXT.get("state.idle"));
        traffic().tickWhile(running, subscriptions);
        traffic().onPulse(batch -> refresh(), subscriptions);
        traffic().updateCounters();
        traffic().onRowsShown(traffic()::updateCounters, subscriptions);
        // A change makes an earlier validation error stale: it is shown again, where it is, at the next Run.
        subscriptions.subscribe(text, changed -> error.set(""));
    }

    // ---------------------------------------------------------------- state

    public StringProperty textProperty() {
        return text;
    }

    public ObjectProperty<Path> fileProperty() {
        return file;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get();
    }

    /** The validation error of the last Run ({@code file:line:column: reason}), or "". */
    public StringProperty errorProperty() {
        return error;
    }

    /** The 1-based line of {@link #errorProperty()}, 0 when there is none. */
    public IntegerProperty errorLineProperty() {
        return errorLine;
    }

    public IntegerProperty errorColumnProperty() {
        return errorColumn;
    }

    /** What the run is doing or how it ended, in one line (also the status bar's state). */
    public StringProperty summaryProperty() {
        return summary;
    }

    /** The steps of the scenario last run, at most {@link #MAX_ROWS}, as last seen. */
    ObservableList<StepRow> rows() {
        return rows;
    }

    /** Where open and save problems are shown (the view's notifier). */
    void setOnProblem(Consumer<String> onProblem) {
        this.onProblem = onProblem;
    }

    // ---------------------------------------------------------------- actions

    /** Checks the text and, when it reads, runs it; an invalid text sets the error and runs nothing. */
    public void run() {
        if (running.get()) {
            return;
        }
        Scenario scenario;
        try {
            // Relative TLS files (ca, cert, key) are beside the tab's file, as when the file runs from the CLI.
            scenario = ScenarioParser.parse(text.get(), fileName(),
                    file.get() == null ? null : file.get().toAbsolutePath().getParent());
        } catch (ScenarioException e) {
            // Cleared first, so the same error found again still moves the caret to it.
            error.set("");
            errorLine.set(e.line());
            errorColumn.set(e.column());
            error.set(e.getMessage());
            setSummary(TEXT.get("summary.invalid"));
            return;
        } catch (IllegalArgumentException e) {
            // Safety net: settings the parser passed on but an engine record refused. Its message is written for
            // a user; without a line it is still shown rather than lost on the FX thread.
            LOG.warn("The scenario parsed but its settings were refused", e);
            error.set("");
            errorLine.set(0);
            errorColumn.set(0);
            error.set(String.valueOf(e.getMessage()));
            setSummary(TEXT.get("summary.invalid"));
            return;
        }
        error.set("");
        errorLine.set(0);
        errorColumn.set(0);
        List<Step> steps = scenario.allSteps();
        progress = new ScenarioProgress(steps);
        rows.setAll(steps.stream().limit(MAX_ROWS).map(StepRow::pending).toList());
        runner = new ScenarioRunner(scenario, traffic().engineSink(), progress);
        running.set(true);
        setSummary(TEXT.get("summary.running", scenario.name()));
        ScenarioRunner started = runner;
        executor.run("scenario-run", started::run, this::finished, failure -> {
            LOG.error("Scenario run failed", failure);
            running.set(false);
            setSummary(TEXT.get("summary.crashed", String.valueOf(failure.getMessage())));
        });
    }

    /** Stops the run in progress (its connections are closed); nothing when none runs. */
    public void stopRun() {
        if (runner != null) {
            runner.cancel();
        }
    }

    /** Reads {@code path} into the editor (off the FX thread). */
    public void open(Path path) {
        executor.run("scenario-open", () -> Files.readString(path, StandardCharsets.UTF_8), content -> {
            text.set(content);
            file.set(path);
            rows.clear();
            setSummary("");
        }, failure -> onProblem.accept(TEXT.get("problem.open", path, reason(failure))));
    }

    /** Writes the editor's text to {@code path} (off the FX thread); it becomes the tab's file. */
    public void save(Path path) {
        String content = text.get();
        executor.run("scenario-save", () -> {
            Files.writeString(path, content, StandardCharsets.UTF_8);
            return path;
        }, saved -> {
            file.set(saved);
            setSummary(TEXT.get("summary.saved", saved.getFileName()));
        }, failure -> onProblem.accept(TEXT.get("problem.save", path, reason(failure))));
    }

    /** The name errors and results call the text: its file's name, or "untitled.yaml". */
    String fileName() {
        Path path = file.get();
        return path == null ? TEXT.get("file.untitled") : path.getFileName().toString();
    }

    // ---------------------------------------------------------------- progress

    /** Copies the rows that changed since the last pulse into the list; ends the run when it is over. */
    void refresh() {
        ScenarioProgress current = progress;
        if (current == null) {
            return;
        }
        int shown = Math.min(rows.size(), current.size());
        for (int i = 0; i < shown; i++) {
            StepRow row = current.row(i);
            if (row != rows.get(i)) {
                rows.set(i, row);
            }
        }
        if (running.get() && current.result() == null) {
            List<String> opened = current.opened();
            if (!opened.isEmpty()) {
                setSummary(TEXT.get("summary.running.with", String.join(TEXT.get("summary.separator"), opened)));
            }
        }
    }

    private void finished(ScenarioResult result) {
        refresh();
        running.set(false);
        String took = DurationText.of(result.took());
        setSummary(switch (result.outcome()) {
            case PASSED -> TEXT.get("summary.passed", result.scenario().allSteps().size(), took);
            // The step list shows the failed step's reason and bytes; the summary says which step it was.
            case FAILED -> result.failed() == null ? TEXT.get("summary.failed", took, result.message())
                    : TEXT.get("summary.failed.step", result.failed().step().index() + 1, took);
            case CANCELLED -> TEXT.get("summary.cancelled", took);
            case TIMED_OUT -> TEXT.get("summary.timed.out", took);
        });
    }

    private void setSummary(String line) {
        summary.set(line);
        traffic().status().setState(line.isEmpty() ? TEXT.get("state.idle") : line);
    }

    private static String reason(Throwable failure) {
        Throwable cause = UiExecutor.unwrap(failure);
        return cause instanceof IOException && cause.getMessage() != null ? cause.getMessage()
                : String.valueOf(cause);
    }

    // ---------------------------------------------------------------- TabModel

    @Override
    public void stop() {
        stopRun();
    }

    @Override
    public void savePreferences() {
        if (!preferences.putText(KEY_TEXT, text.get())) {
            LOG.warn("The scenario text is too long for the settings store; it stays in its file only");
        }
        preferences.put(KEY_FILE, file.get() == null ? "" : file.get().toString());
    }
}
